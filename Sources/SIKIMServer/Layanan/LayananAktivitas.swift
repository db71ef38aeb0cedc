import SIKIMData
import Fluent
import Foundation
import SQLKit
import SIKIMCore
import Vapor

/// Kegiatan, coaching notes and the activity status of KIMs.
struct LayananAktivitas {
    let db: any Database
    let jam: Jam
    let direktoriData: String

    var hariIni: Tanggal { Tanggal(jam.sekarang()) }
    var penyimpanFoto: PenyimpanBerkas { PenyimpanBerkas(direktori: direktoriData + "/kegiatan") }

    static let kunciAmbang = ["ambang_aktif", "ambang_kurang_aktif", "ambang_awal"]

    func ambang() async throws -> AmbangAktivitas {
        let nilai = Dictionary(uniqueKeysWithValues: try await PengaturanModel.query(on: db).filter(\.$id ~~ Self.kunciAmbang).all()
            .compactMap { m in Int(m.nilai).map { (m.id!, $0) } })
        let b = AmbangAktivitas.bawaan
        return AmbangAktivitas(aktif: nilai["ambang_aktif"] ?? b.aktif, kurangAktif: nilai["ambang_kurang_aktif"] ?? b.kurangAktif,
                               awal: nilai["ambang_awal"] ?? b.awal)
    }

    func simpanAmbang(_ a: AmbangAktivitas) async throws {
        try a.periksa()
        try await db.transaction { db in
            for (k, v) in zip(Self.kunciAmbang, [a.aktif, a.kurangAktif, a.awal]) {
                if let m = try await PengaturanModel.find(k, on: db) { m.nilai = String(v); try await m.update(on: db) }
                else { try await PengaturanModel(kunci: k, nilai: String(v)).create(on: db) }
            }
        }
    }

    struct Keadaan {
        let status: StatusAktivitas
        let terakhir: Tanggal?
    }

    /// A KIM's activity status with where it is, for counts per kecamatan.
    struct KeadaanDi {
        let id: UUID
        let kodeWilayah: String
        let keadaan: Keadaan
    }

    func keadaan(_ kim: [KimModel]) async throws -> [UUID: Keadaan] {
        let baris = try await kim.compactMap(\.id).perBagian { try await baca("k.id IN (\(binds: $0))") }
        return Dictionary(uniqueKeysWithValues: baris.map { ($0.id, $0.keadaan) })
    }

    /// The legalised KIMs (active or frozen) of an area, the ones with an activity status.
    func keadaan(dalam area: KodeWilayah?) async throws -> [KeadaanDi] {
        try await baca("""
            k.status IN (\(binds: Aktivitas.dinilai.map(\.rawValue))) AND \(LayananStatistik.dalamArea(area, "k.kode_wilayah"))
            """)
    }

    /// The activity status of each KIM chosen by `syarat`, from its legalisation day and its
    /// latest laporan, kegiatan or dissemination report: one row per KIM, each figure read
    /// through an index on (kim_id, date), so a page and a nation of KIMs cost the same per KIM.
    private func baca(_ syarat: SQLQueryString) async throws -> [KeadaanDi] {
        let ambang = try await ambang()
        let hari = hariIni
        return try await db.baris("""
            SELECT k.id, k.status, k.kode_wilayah,
              (SELECT MIN(t.tanggal) FROM kim_transisi t WHERE t.kim_id = k.id AND t.ke = \(bind: StatusKim.aktif.rawValue)) AS disahkan,
              (SELECT MAX(g.tanggal) FROM kegiatan g WHERE g.kim_id = k.id) AS kegiatan,
              (SELECT MAX(p.tanggal) FROM materi_penerima p WHERE p.kim_id = k.id) AS diseminasi,
              (SELECT MAX(l.dibuat_pada) FROM laporan l WHERE l.kim_id = k.id) AS laporan
            FROM kim k WHERE \(syarat)
            """) { r in
            func tanggal(_ kolom: String) throws -> Tanggal? { try r.decode(column: kolom, as: String?.self).flatMap(Tanggal.init(iso:)) }
            let terakhir = [try tanggal("kegiatan"), try tanggal("diseminasi"), try r.decode(column: "laporan", as: Date?.self).map(Tanggal.init)]
                .compactMap { $0 }.max()
            let status = StatusKim(rawValue: try r.decode(column: "status", as: String.self)) ?? .draf
            return KeadaanDi(id: try r.decode(column: "id", as: UUID.self), kodeWilayah: try r.decode(column: "kode_wilayah", as: String.self),
                             keadaan: Keadaan(status: Aktivitas.status(statusKim: status, disahkan: try tanggal("disahkan"), terakhir: terakhir,
                                                                       hariIni: hari, ambang: ambang), terakhir: terakhir))
        }
    }

    /// Records a kegiatan with its photos; returns it and its photos' ids.
    func catatKegiatan(_ kim: KimModel, jenis: String, tanggal: String, tempat: String, uraian: String, peserta: String?,
                       foto: [FotoMasuk], oleh aktor: Aktor) async throws -> (KegiatanModel, foto: [UUID]) {
        guard AturanKegiatan.bolehMencatat(aktor, kim: try kim.requireID(), statusKim: kim.statusKim) else {
            throw TindakanDilarang(kim.statusKim.alasanTidakBerkegiatan ?? TindakanDilarang().pesan)
        }
        let k = try AturanKegiatan.periksa(jenis: jenis, tanggal: tanggal, tempat: tempat, uraian: uraian, peserta: peserta, hariIni: hariIni)
        let berkas = try PenyimpanBerkas.periksa(foto, maks: 5, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let m = KegiatanModel()
        m.id = UUID()
        m.$kim.id = try kim.requireID()
        (m.jenis, m.tanggal, m.tempat, m.uraian, m.peserta) = (k.jenis.rawValue, k.tanggal.iso, k.tempat, k.uraian, k.peserta)
        (m.dibuatOleh, m.dibuatPada) = (aktor.id, jam.sekarang())
        return try await penyimpanFoto.dengan(berkas) { nama in
            let fotoModel = zip(berkas, nama).map { b, berkas in
                let f = FotoKegiatanModel()
                (f.id, f.$kegiatan.id) = (UUID(), m.id!)
                (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (berkas, b.jenis.mime, b.bytes.count, b.sha256)
                return f
            }
            try await db.transaction { db in
                try await m.create(on: db)
                for f in fotoModel { try await f.create(on: db) }
            }
            return (m, fotoModel.compactMap(\.id))
        }
    }

    static let jenisPembinaan = ["telepon": "Telepon", "kunjungan": "Kunjungan", "pertemuan": "Pertemuan", "lainnya": "Lainnya"]

    func catatPembinaan(_ kim: KimModel, jenis: String, catatan: String, oleh p: PenggunaMasuk) async throws {
        guard Self.jenisPembinaan[jenis] != nil else { throw KesalahanIsian("jenis", "Jenis pembinaan tidak dikenal.") }
        let c = try AturanPengurus.teks(catatan, bidang: "catatan", label: "Catatan pembinaan", maks: 2000)
        let m = PembinaanModel()
        m.$kim.id = try kim.requireID()
        (m.jenis, m.catatan, m.oleh, m.namaOleh, m.waktu) = (jenis, c, p.aktor.id, p.model.nama, jam.sekarang())
        try await m.create(on: db)
    }
}

extension Request {
    var layananAktivitas: LayananAktivitas {
        LayananAktivitas(db: db, jam: application.jam, direktoriData: application.sikim.direktoriData)
    }
}
