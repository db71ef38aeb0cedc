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
/// Written by hand (`PenulisJSON`): lists of these are the API's hottest answer.
struct LaporanDTO: PenulisJSON.Tertulis {
    struct Pelapor {
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

    init(_ m: some DataLaporan, opd: [String], ditanggapi: Bool, foto: [UUID], penonton: Aktor?, kalender: KalenderKerja, sekarang: Date) {
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

    func tulis(_ j: inout PenulisJSON) {
        j.objek { j in
            j.bidang("id", id.uuidString)
            j.bidang("nomor", nomor)
            j.bidang("judul", judul)
            j.bidang("isi", isi)
            j.bidang("kategori", kategori)
            j.bidang("kode_wilayah", kodeWilayah)
            j.bidang("status", status)
            j.bidang("dipublikasikan", dipublikasikan)
            j.bidang("kerahasiaan", kerahasiaan)
            j.bidang("sumber", sumber)
            j.kunci("jawaban")
            j.objek { j in
                for (k, v) in jawaban.sorted(by: { $0.key < $1.key }) {
                    j.kunci(k)
                    j.larik(v) { $0.teks($1) }
                }
            }
            j.bidang("lat", lat)
            j.bidang("lon", lon)
            j.bidang("alamat", alamat)
            j.bidang("waktu_kejadian", waktuKejadian)
            if let pelapor {
                j.kunci("pelapor")
                j.objek { j in
                    j.bidang("nama", pelapor.nama)
                    j.bidang("kim", pelapor.kim)
                }
            }
            j.bidang("opd", opd)
            j.bidang("hasil", hasil)
            j.bidang("foto", foto)
            j.bidang("dibuat_pada", dibuatPada)
            j.bidang("tenggat", tenggat)
            j.bidang("tahap_sla", tahapSla)
            j.bidang("terlambat", terlambat)
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
