import SIKIMData
import Foundation
import SIKIMCore
import Vapor

struct PengurusDTO: Content {
    let id: UUID
    let nama: String
    let jabatan: String
    let keterangan: String?
    let jenisKelamin: String
    let nomorHp: String
    let email: String?
    let tahunLahir: Int
    let masaBaktiMulai: String
    let masaBaktiSelesai: String
    let penggunaId: UUID?

    init(_ m: PengurusModel) throws {
        id = try m.requireID()
        nama = m.nama
        jabatan = m.jabatan
        keterangan = m.keterangan
        jenisKelamin = m.jenisKelamin
        nomorHp = m.nomorHP
        email = m.email
        tahunLahir = m.tahunLahir
        masaBaktiMulai = m.masaBaktiMulai
        masaBaktiSelesai = m.masaBaktiSelesai
        penggunaId = m.$pengguna.id
    }
}

struct SKDTO: Content {
    let nomor: String
    let tanggal: String
}

/// A KIM as one viewer may see it: exactly the fields `TampilanKim` gives that viewer, the
/// same its page shows. Absent fields are left out of the JSON.
struct KimDTO: Content {
    let id: UUID?
    let nama: String?
    let tingkat: String?
    let kodeWilayah: String?
    let status: String?
    let tanggalPembentukan: String?
    let fokus: [String]?
    let skDesa: SKDTO?
    let skKecamatan: SKDTO?
    let statusAktivitas: String?
    let diubahPada: Date?
    let tempatPembentukan: String?
    let jumlahHadir: Int?
    let alamat: String?
    let email: String?
    let telepon: String?
    let pengurus: [PengurusDTO]?
    let aktivitasTerakhir: String?
    /// The version a change is decided from (send it back with a change).
    let versi: Int?

    init(_ m: KimModel, tampilan t: TampilanKim, pengurus: [PengurusModel], aktivitas: LayananAktivitas.Keadaan?) throws {
        func jika<T>(_ b: TampilanKim.Bidang, _ v: @autoclosure () throws -> T?) rethrows -> T? { t.boleh(b) ? try v() : nil }
        id = jika(.id, m.id)
        nama = jika(.nama, m.nama)
        tingkat = jika(.tingkat, m.tingkat)
        kodeWilayah = jika(.kodeWilayah, m.kodeWilayah)
        status = jika(.status, m.status)
        tanggalPembentukan = jika(.tanggalPembentukan, m.tanggalPembentukan)
        fokus = jika(.fokus, m.fokus)
        skDesa = jika(.skDesa, zip2(m.nomorSKDesa, m.tanggalSKDesa).map { SKDTO(nomor: $0, tanggal: $1) })
        skKecamatan = jika(.skKecamatan, zip2(m.nomorSKKecamatan, m.tanggalSKKecamatan).map { SKDTO(nomor: $0, tanggal: $1) })
        statusAktivitas = jika(.statusAktivitas, aktivitas?.status.rawValue)
        diubahPada = jika(.diubahPada, m.diubahPada)
        tempatPembentukan = jika(.tempatPembentukan, m.tempatPembentukan)
        jumlahHadir = jika(.jumlahHadir, m.jumlahHadir)
        alamat = jika(.alamat, m.alamat)
        email = jika(.email, m.email)
        telepon = jika(.telepon, m.telepon)
        self.pengurus = try jika(.pengurus, try pengurus.map(PengurusDTO.init))
        aktivitasTerakhir = jika(.aktivitasTerakhir, aktivitas?.terakhir?.iso)
        versi = jika(.versi, m.versi)
    }
}

struct TransisiKimDTO: Content {
    let aksi: String
    let dari: String
    let ke: String
    let catatan: String?
    let nomorSk: String?
    let tanggalSk: String?
    let oleh: String
    let peran: String
    let waktu: Date

    init(_ t: TransisiKimModel) {
        (aksi, dari, ke, catatan) = (t.aksi, t.dari, t.ke, t.catatan)
        (nomorSk, tanggalSk, oleh, peran, waktu) = (t.nomorSK, t.tanggalSK, t.namaPengguna, t.peran, t.waktu)
    }
}

func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
