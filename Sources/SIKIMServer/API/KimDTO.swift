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

/// A KIM. For the public (directory) the contact fields and the board are left out.
struct KimDTO: Content {
    let id: UUID
    let nama: String
    let tingkat: String
    let kodeWilayah: String
    let status: String
    let tanggalPembentukan: String?
    let tempatPembentukan: String?
    let jumlahHadir: Int?
    let fokus: [String]
    let alamat: String?
    let email: String?
    let telepon: String?
    let skDesa: SKDTO?
    let skKecamatan: SKDTO?
    let pengurus: [PengurusDTO]?
    let diubahPada: Date
    let statusAktivitas: String?
    let aktivitasTerakhir: String?
    /// The version a change is decided from (send it back with a change); not for the public.
    let versi: Int?

    init(_ m: KimModel, pengurus: [PengurusModel]?, lengkap: Bool, aktivitas: LayananAktivitas.Keadaan? = nil) throws {
        id = try m.requireID()
        nama = m.nama
        tingkat = m.tingkat
        kodeWilayah = m.kodeWilayah
        status = m.status
        tanggalPembentukan = m.tanggalPembentukan
        tempatPembentukan = lengkap ? m.tempatPembentukan : nil
        jumlahHadir = lengkap ? m.jumlahHadir : nil
        fokus = m.fokus
        alamat = lengkap ? m.alamat : nil
        email = lengkap ? m.email : nil
        telepon = lengkap ? m.telepon : nil
        skDesa = zip2(m.nomorSKDesa, m.tanggalSKDesa).map { SKDTO(nomor: $0, tanggal: $1) }
        skKecamatan = zip2(m.nomorSKKecamatan, m.tanggalSKKecamatan).map { SKDTO(nomor: $0, tanggal: $1) }
        self.pengurus = lengkap ? try pengurus?.map(PengurusDTO.init) : nil
        diubahPada = m.diubahPada
        statusAktivitas = aktivitas?.status.rawValue
        aktivitasTerakhir = lengkap ? aktivitas?.terakhir?.iso : nil
        versi = lengkap ? m.versi : nil
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
