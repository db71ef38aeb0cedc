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

/// A laporan as one viewer may see it: the reporter's identity follows the kerahasiaan rules.
struct LaporanDTO: Content {
    struct Pelapor: Content {
        let nama: String?
        let kim: String?
    }

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

    init(_ m: LaporanModel, opd: [String], ditanggapi: Bool, foto: [UUID], penonton: Aktor?, kalender: KalenderKerja, sekarang: Date) {
        id = m.id!
        (nomor, judul, isi, kategori, kodeWilayah) = (m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah)
        (status, dipublikasikan, kerahasiaan, sumber, jawaban) = (m.status, m.dipublikasikan, m.kerahasiaan, m.sumber, m.jawaban)
        (lat, lon, alamat, waktuKejadian, hasil) = (m.lat, m.lon, m.alamat, m.waktuKejadian, m.hasil)
        switch IdentitasPelapor.untuk(m.rahasia, penonton: penonton, pelapor: m.pelaporID) {
        case .lengkap: pelapor = Pelapor(nama: m.namaPelapor, kim: m.namaKim)
        case .namaKimSaja: pelapor = Pelapor(nama: nil, kim: m.namaKim)
        case .tersembunyi: pelapor = nil
        }
        self.opd = penonton == nil ? [] : opd
        self.foto = foto.map { "/laporan/\(m.id!)/foto/\($0)" }
        dibuatPada = m.dibuatPada
        let t = AturanLaporan.tenggat(status: m.statusLaporan, masuk: m.dibuatPada, diteruskan: m.diteruskanPada,
                                      ditanggapi: ditanggapi, kalender: kalender)
        tenggat = penonton == nil ? nil : t?.1
        tahapSla = penonton == nil ? nil : t?.0.rawValue
        terlambat = penonton != nil && (t.map { sekarang > $0.1 } ?? false)
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
