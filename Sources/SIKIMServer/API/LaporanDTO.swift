import SIKIMData
import Foundation
import SIKIMCore
import Vapor

struct KategoriDTO: Content {
    let kode: String
    let nama: String
    let kodeOpd: String
    let sensitif: Bool
    let pertanyaan: [Pertanyaan]

    init(_ m: KategoriModel) {
        (kode, nama, kodeOpd, sensitif, pertanyaan) = (m.id!, m.nama, m.kodeOPD, m.sensitif, m.pertanyaan)
    }
}

/// A laporan as one viewer may see it: exactly the fields `TampilanLaporan` gives that viewer,
/// the same the page shows (the reporter's identity per kerahasiaan, nothing internal for
/// whoever reads it only because it is published). Written by hand (`PenulisJSON`): lists of
/// these are the API's hottest answer.
struct LaporanDTO: PenulisJSON.Tertulis {
    struct Pelapor {
        let nama: String?
        let kim: String?
    }

    typealias Bidang = TampilanLaporan.Bidang

    let tampilan: TampilanLaporan
    let id: UUID
    let nomor: String
    let judul: String
    let isi: String
    let kategori: String
    let kodeWilayah: String
    let status: String
    let dipublikasikan: Bool
    let kerahasiaan: String
    let sumber: String
    let jawaban: [String: [String]]
    let lat: Double?
    let lon: Double?
    let alamat: String?
    let waktuKejadian: Date?
    let pelapor: Pelapor?
    let opd: [String]
    let hasil: String?
    let foto: [String]
    let dibuatPada: Date
    let tenggat: Date?
    /// The SLA stage the deadline belongs to: verifikasi, tanggapan_opd or penyelesaian.
    let tahapSla: String?
    let terlambat: Bool
    let versi: Int

    init(_ m: some DataLaporan, tampilan t: TampilanLaporan, opd: [String], ditanggapi: Bool, foto: [UUID],
         kalender: KalenderKerja, sekarang: Date) {
        tampilan = t
        id = m.id!
        (nomor, judul, isi, kategori, kodeWilayah) = (m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah)
        (status, dipublikasikan, kerahasiaan, sumber, jawaban) = (m.status, m.dipublikasikan, m.kerahasiaan, m.sumber, m.jawaban)
        (lat, lon, alamat, waktuKejadian, hasil, versi) = (m.lat, m.lon, m.alamat, m.waktuKejadian, m.hasil, m.versi)
        switch t.identitas {
        case .lengkap: pelapor = Pelapor(nama: m.namaPelapor, kim: m.namaKim)
        case .namaKimSaja: pelapor = Pelapor(nama: nil, kim: m.namaKim)
        case .tersembunyi: pelapor = nil
        }
        self.opd = opd
        self.foto = foto.map { "/laporan/\(m.id!)/foto/\($0)" }
        dibuatPada = m.dibuatPada
        let tahap = AturanLaporan.tenggat(status: m.statusLaporan, masuk: m.dibuatPada, diteruskan: m.diteruskanPada,
                                          ditanggapi: ditanggapi, kalender: kalender)
        (tenggat, tahapSla, terlambat) = (tahap?.1, tahap?.0.rawValue, tahap.map { sekarang > $0.1 } ?? false)
    }

    func tulis(_ j: inout PenulisJSON) {
        let t = tampilan
        j.objek { j in
            j.bidang("id", id.uuidString)
            j.bidang("nomor", nomor)
            j.bidang("judul", judul)
            j.bidang("isi", isi)
            j.bidang("kategori", kategori)
            j.bidang("kode_wilayah", kodeWilayah)
            j.bidang("status", status)
            j.bidang("dipublikasikan", dipublikasikan)
            if t.boleh(.kerahasiaan) { j.bidang("kerahasiaan", kerahasiaan) }
            if t.boleh(.sumber) { j.bidang("sumber", sumber) }
            j.kunci("jawaban")
            j.objek { j in
                for (k, v) in jawaban.sorted(by: { $0.key < $1.key }) {
                    j.kunci(k)
                    j.larik(v) { $0.teks($1) }
                }
            }
            if t.boleh(.lat) { j.bidang("lat", lat) }
            if t.boleh(.lon) { j.bidang("lon", lon) }
            if t.boleh(.alamat) { j.bidang("alamat", alamat) }
            j.bidang("waktu_kejadian", waktuKejadian)
            if let pelapor, t.boleh(.pelapor) {
                j.kunci("pelapor")
                j.objek { j in
                    j.bidang("nama", pelapor.nama)
                    j.bidang("kim", pelapor.kim)
                }
            }
            if t.boleh(.opd) { j.bidang("opd", opd) }
            j.bidang("hasil", hasil)
            j.bidang("foto", foto)
            j.bidang("dibuat_pada", dibuatPada)
            if t.boleh(.tenggat) { j.bidang("tenggat", tenggat) }
            if t.boleh(.tahapSla) { j.bidang("tahap_sla", tahapSla) }
            if t.boleh(.terlambat) { j.bidang("terlambat", terlambat) }
            if t.boleh(.versi) { j.bidang("versi", versi) }
        }
    }
}

struct PeristiwaDTO: Content {
    struct Lampiran: Content { let nama: String; let url: String; let sha256: String }
    let urutan: Int
    let aksi: String
    let dari: String
    let ke: String
    let catatan: String?
    let oleh: String?
    let peran: String
    let waktu: Date
    let lampiran: [Lampiran]
}
