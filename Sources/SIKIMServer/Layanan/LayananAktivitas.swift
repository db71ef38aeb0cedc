import FluentKit
import Foundation
import SIKIMCore
import SIKIMData

/// Kegiatan, coaching notes and the activity status of KIMs.
struct LayananAktivitas {
    let l: Lingkungan
    private var data: RepositoriAktivitas { RepositoriAktivitas(db: l.db) }

    var penyimpanFoto: PenyimpanBerkas { PenyimpanBerkas(direktori: l.konfigurasi.direktoriData + "/kegiatan") }

    static let kunciAmbang = ["ambang_aktif", "ambang_kurang_aktif", "ambang_awal"]

    func ambang() async throws -> AmbangAktivitas {
        let nilai = try await RepositoriPengaturan(db: l.db).baca(Self.kunciAmbang).compactMapValues(Int.init)
        let b = AmbangAktivitas.bawaan
        return AmbangAktivitas(aktif: nilai["ambang_aktif"] ?? b.aktif, kurangAktif: nilai["ambang_kurang_aktif"] ?? b.kurangAktif,
                               awal: nilai["ambang_awal"] ?? b.awal)
    }

    func simpanAmbang(_ a: AmbangAktivitas) async throws {
        try a.periksa()
        try await RepositoriPengaturan(db: l.db).simpan(Array(zip(Self.kunciAmbang, [a.aktif, a.kurangAktif, a.awal].map(String.init))))
    }

    struct Keadaan: Sendable {
        let status: StatusAktivitas
        let terakhir: Tanggal?
    }

    /// A KIM's activity status with where it is, for counts per kecamatan.
    struct KeadaanDi: Sendable {
        let id: UUID
        let kodeWilayah: String
        let keadaan: Keadaan
    }

    func keadaan(_ kim: [KimModel]) async throws -> [UUID: Keadaan] {
        Dictionary(uniqueKeysWithValues: try await nilai(data.fakta(kim: kim.compactMap(\.id))).map { ($0.id, $0.keadaan) })
    }

    /// The legalised KIMs (active or frozen) of an area, the ones with an activity status.
    func keadaan(dalam area: KodeWilayah?) async throws -> [KeadaanDi] {
        try await nilai(data.fakta(dalam: area))
    }

    /// The core's status from each KIM's facts, with the thresholds in force.
    private func nilai(_ fakta: [RepositoriAktivitas.Fakta]) async throws -> [KeadaanDi] {
        let (ambang, hari) = (try await ambang(), l.hariIni)
        return fakta.map { f in
            KeadaanDi(id: f.id, kodeWilayah: f.kodeWilayah, keadaan: Keadaan(
                status: Aktivitas.status(statusKim: f.status, disahkan: f.disahkan, terakhir: f.terakhir, hariIni: hari, ambang: ambang),
                terakhir: f.terakhir))
        }
    }

    /// Records a kegiatan with its photos; returns it and its photos' ids.
    /// Records a kegiatan, or returns the one this author already recorded with `kunci` (a
    /// retry, `baru` false).
    func catatKegiatan(_ kim: KimModel, jenis: String, tanggal: String, tempat: String, uraian: String, peserta: String?,
                       foto: [FotoMasuk], oleh aktor: Aktor, kunci: String? = nil) async throws -> (KegiatanModel, foto: [UUID], baru: Bool) {
        guard AturanKegiatan.bolehMencatat(aktor, kim: try kim.requireID(), statusKim: kim.statusKim) else {
            throw TindakanDilarang(kim.statusKim.alasanTidakBerkegiatan ?? TindakanDilarang().pesan)
        }
        let kunci = kunci.map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
        if let kunci, let ada = try await ulangan(kunci, oleh: aktor) { return ada }
        let k = try AturanKegiatan.periksa(jenis: jenis, tanggal: tanggal, tempat: tempat, uraian: uraian, peserta: peserta, hariIni: l.hariIni)
        let berkas = try PenyimpanBerkas.periksa(foto, maks: 5, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let m = KegiatanModel()
        m.id = UUID()
        m.$kim.id = try kim.requireID()
        (m.jenis, m.tanggal, m.tempat, m.uraian, m.peserta) = (k.jenis.rawValue, k.tanggal.iso, k.tempat, k.uraian, k.peserta)
        (m.dibuatOleh, m.dibuatPada, m.kunciIdempotensi) = (aktor.id, l.sekarang, kunci)
        do {
            return try await penyimpanFoto.dengan(berkas) { nama in
                let fotoModel = zip(berkas, nama).map { b, berkas in
                    let f = FotoKegiatanModel()
                    (f.id, f.$kegiatan.id) = (UUID(), m.id!)
                    (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (berkas, b.jenis.mime, b.bytes.count, b.sha256)
                    return f
                }
                try await data.simpan(m, foto: fotoModel)
                return (m, fotoModel.compactMap(\.id), true)
            }
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            // The same key sent twice at once: the other request stored it.
            if let kunci, let ada = try await ulangan(kunci, oleh: aktor) { return ada }
            throw error
        }
    }

    private func ulangan(_ kunci: String, oleh aktor: Aktor) async throws -> (KegiatanModel, foto: [UUID], baru: Bool)? {
        guard let ada = try await data.dengan(kunci: kunci, oleh: aktor.id) else { return nil }
        return (ada, (try await data.foto([ada.id!])[ada.id!] ?? []).compactMap(\.id), false)
    }

    /// A KIM's latest twenty kegiatan with their photos.
    func kegiatanTerbaru(_ kim: KimModel) async throws -> ([KegiatanModel], [UUID: [FotoKegiatanModel]]) {
        let k = try await data.terbaru(try kim.requireID(), batas: 20)
        return (k, try await data.foto(k.compactMap(\.id)))
    }

    /// Kegiatan of the KIMs a list may hold (or of one of them), with their photos.
    func halaman(_ s: SaringanKim, kim: UUID?, _ p: Paginasi) async throws -> (Potongan<KegiatanModel>, [UUID: [FotoKegiatanModel]]) {
        if let kim, try await !RepositoriKim(db: l.db).termasuk(kim, s) { throw TidakDitemukan("KIM") }
        let h = try await data.halaman(s, kim: kim, p)
        return (h, try await data.foto(h.isi.compactMap(\.id)))
    }

    func foto(_ id: UUID, kegiatan: UUID, kim: KimModel) async throws -> FotoKegiatanModel {
        guard let f = try await data.cariFoto(id, kegiatan: kegiatan, kim: try kim.requireID()) else { throw TidakDitemukan("Foto") }
        return f
    }

    func pembinaan(_ kim: KimModel) async throws -> [PembinaanModel] { try await RepositoriKim(db: l.db).pembinaan(try kim.requireID()) }

    func catatPembinaan(_ kim: KimModel, jenis: String, catatan: String, oleh p: Pelaku) async throws {
        guard AturanPembinaan.jenis[jenis] != nil else { throw KesalahanIsian("jenis", "Jenis pembinaan tidak dikenal.") }
        let c = try AturanPengurus.teks(catatan, bidang: "catatan", label: "Catatan pembinaan", maks: 2000)
        let m = PembinaanModel()
        m.$kim.id = try kim.requireID()
        (m.jenis, m.catatan, m.oleh, m.namaOleh, m.waktu) = (jenis, c, p.aktor.id, p.nama, l.sekarang)
        try await RepositoriKim(db: l.db).simpan(m)
    }

    /// Quiet KIMs in a scope, each with its status, board and latest coaching note.
    struct PerluPembinaan: Sendable {
        let kim: KimModel
        let keadaan: Keadaan
        let ketua: PengurusModel?
        let catatanTerakhir: PembinaanModel?
    }

    func perluPembinaan(_ cakupan: CakupanKim) async throws -> [PerluPembinaan] {
        let kimL = LayananKim(l: l)
        let kim = try await kimL.semua(SaringanKim(cakupan: cakupan)).filter { Aktivitas.dinilai.contains($0.statusKim) }
        let keadaan = try await keadaan(kim)
        let perlu = kim.filter { keadaan[$0.id!]?.status.perluPembinaan == true }
        let pengurus = try await kimL.pengurus(perlu)
        let catatan = try await data.pembinaan(perlu.compactMap(\.id))
        return perlu.map { m in
            PerluPembinaan(kim: m, keadaan: keadaan[m.id!]!, ketua: pengurus[m.id!]?.first { $0.jabatanKim == .ketua },
                           catatanTerakhir: catatan[m.id!]?.first)
        }
    }
}
