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

/// A laporan as one viewer may see it (`LaporanTerlihat`): exactly the fields
/// `TampilanLaporan` gives that viewer, the same the page shows. Written by hand
/// (`PenulisJSON`): lists of these are the API's hottest answer.
struct LaporanDTO: PenulisJSON.Tertulis {
    let d: LaporanTerlihat

    init(_ d: LaporanTerlihat) { self.d = d }

    func tulis(_ j: inout PenulisJSON) {
        let t = d.tampilan
        j.objek { j in
            j.bidang("id", d.id.uuidString)
            j.bidang("nomor", d.nomor)
            j.bidang("judul", d.judul)
            j.bidang("isi", d.isi)
            j.bidang("kategori", d.kategori)
            j.bidang("kode_wilayah", d.kodeWilayah)
            j.bidang("status", d.status.rawValue)
            j.bidang("dipublikasikan", d.dipublikasikan)
            if t.boleh(.kerahasiaan) { j.bidang("kerahasiaan", d.kerahasiaan.rawValue) }
            if t.boleh(.sumber) { j.bidang("sumber", d.sumber) }
            j.kunci("jawaban")
            j.objek { j in
                for (k, v) in d.jawaban.sorted(by: { $0.key < $1.key }) {
                    j.kunci(k)
                    j.larik(v) { $0.teks($1) }
                }
            }
            if t.boleh(.lat) { j.bidang("lat", d.lat) }
            if t.boleh(.lon) { j.bidang("lon", d.lon) }
            if t.boleh(.alamat) { j.bidang("alamat", d.alamat) }
            j.bidang("waktu_kejadian", d.waktuKejadian)
            if let pelapor = d.pelapor, t.boleh(.pelapor) {
                j.kunci("pelapor")
                j.objek { j in
                    j.bidang("nama", pelapor.nama)
                    j.bidang("kim", pelapor.kim)
                }
            }
            if t.boleh(.opd) { j.bidang("opd", d.opd) }
            j.bidang("hasil", d.hasil)
            j.bidang("foto", d.foto.map { LaporanWeb.urlFoto(laporan: d.id, foto: $0) })
            j.bidang("dibuat_pada", d.dibuatPada)
            if t.boleh(.tenggat) { j.bidang("tenggat", d.tenggat) }
            if t.boleh(.tahapSla) { j.bidang("tahap_sla", d.tahapSla?.rawValue) }
            if t.boleh(.terlambat) { j.bidang("terlambat", d.terlambat) }
            if t.boleh(.versi) { j.bidang("versi", d.versi) }
            if t.boleh(.kanal) { j.bidang("kanal", d.kanal?.rawValue) }
            if t.boleh(.ditulisPada) { j.bidang("ditulis_pada", d.ditulisPada) }
            if t.boleh(.nomorPengirim) { j.bidang("nomor_pengirim", d.nomorPengirim) }
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

    init(_ e: PeristiwaTerlihat, laporan: UUID) {
        (urutan, aksi, dari, ke, catatan, oleh, peran, waktu) = (e.urutan, e.aksi, e.dari, e.ke, e.catatan, e.oleh, e.peran, e.waktu)
        lampiran = e.lampiran.map { Lampiran(nama: $0.nama, url: LaporanWeb.urlLampiran(laporan: laporan, lampiran: $0.id), sha256: $0.sha256) }
    }
}
