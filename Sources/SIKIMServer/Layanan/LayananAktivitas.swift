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

    /// What a KIM's activity status depends on besides its activity: read as plain rows when
    /// a whole area is assessed (hydrating 60,000 models took seconds).
    struct Dinilai {
        let id: UUID
        let status: StatusKim
        let kodeWilayah: String
    }

    /// The legalised KIMs (active or frozen) of an area, the ones with an activity status.
    func disahkan(dalam area: KodeWilayah?) async throws -> [Dinilai] {
        try await (db as! any SQLDatabase).raw("""
            SELECT id, status, kode_wilayah FROM kim
            WHERE status IN (\(binds: [StatusKim.aktif.rawValue, StatusKim.dibekukan.rawValue])) AND \(LayananStatistik.dalamArea(area, "kode_wilayah"))
            """).all().map { r in
            Dinilai(id: try r.decode(column: "id", as: UUID.self), status: StatusKim(rawValue: try r.decode(column: "status", as: String.self)) ?? .draf,
                    kodeWilayah: try r.decode(column: "kode_wilayah", as: String.self))
        }
    }

    func keadaan(_ kim: [KimModel]) async throws -> [UUID: Keadaan] {
        try await keadaan(kim.map { Dinilai(id: $0.id!, status: $0.statusKim, kodeWilayah: $0.kodeWilayah) })
    }

    /// The activity status of each KIM, from its legalisation day and its latest laporan,
    /// kegiatan or dissemination report.
    func keadaan(_ kim: [Dinilai]) async throws -> [UUID: Keadaan] {
        guard !kim.isEmpty else { return [:] }
        let ids = kim.map(\.id)
        let semua = Set(ids)
        // Per KIM as aggregates: one row per KIM, whatever the volume. A page of KIMs asks
        // only for its own (an index on (kim_id, date) answers each at once); a larger set
        // reads every KIM's row and keeps its own.
        let sql = db as! any SQLDatabase
        func perKim(_ fungsi: String, _ tabel: String, _ kolom: String, _ syarat: ((SQLSelectBuilder) -> Void)? = nil) -> any SQLQueryFetcher {
            let q = sql.select().column("kim_id").column(SQLFunction(fungsi, args: SQLColumn(kolom)), as: "t")
                .from(tabel).where(SQLColumn(kolom), .isNot, SQLLiteral.null)
                .where(SQLColumn("kim_id"), .isNot, SQLLiteral.null) // a laporan sent by staff belongs to no KIM
            syarat?(q)
            if ids.count <= 500 { q.where(SQLColumn("kim_id"), .in, SQLBind.group(ids)) }
            return q.groupBy("kim_id")
        }
        var disahkan: [UUID: Tanggal] = [:]
        for r in try await perKim("MIN", "kim_transisi", "tanggal", { $0.where("ke", .equal, SQLBind(StatusKim.aktif.rawValue)) }).all() {
            let id = try r.decode(column: "kim_id", as: UUID.self)
            if semua.contains(id), let t = try r.decode(column: "t", as: String?.self).flatMap(Tanggal.init(iso:)) { disahkan[id] = t }
        }
        var terakhir: [UUID: Tanggal] = [:]
        func catat(_ id: UUID, _ t: Tanggal) { terakhir[id] = max(terakhir[id] ?? t, t) }
        for (tabel, kolom) in [("kegiatan", "tanggal"), ("materi_penerima", "tanggal")] {
            for r in try await perKim("MAX", tabel, kolom).all() {
                let id = try r.decode(column: "kim_id", as: UUID.self)
                if semua.contains(id), let t = try r.decode(column: "t", as: String?.self).flatMap(Tanggal.init(iso:)) { catat(id, t) }
            }
        }
        for r in try await perKim("MAX", "laporan", "dibuat_pada").all() {
            let id = try r.decode(column: "kim_id", as: UUID.self)
            if semua.contains(id), let t = try r.decode(column: "t", as: Date?.self) { catat(id, Tanggal(t)) }
        }
        let ambang = try await ambang()
        let hari = hariIni
        return Dictionary(uniqueKeysWithValues: kim.map { m in
            (m.id, Keadaan(status: Aktivitas.status(statusKim: m.status, disahkan: disahkan[m.id], terakhir: terakhir[m.id],
                                                   hariIni: hari, ambang: ambang), terakhir: terakhir[m.id]))
        })
    }

    func catatKegiatan(_ kim: KimModel, jenis: String, tanggal: String, tempat: String, uraian: String, peserta: String?,
                       foto: [FotoMasuk], oleh aktor: Aktor) async throws -> KegiatanModel {
        guard AturanKegiatan.bolehMencatat(aktor, kim: try kim.requireID()) else { throw KesalahanHTTP.dilarang }
        let k = try AturanKegiatan.periksa(jenis: jenis, tanggal: tanggal, tempat: tempat, uraian: uraian, peserta: peserta, hariIni: hariIni)
        let berkas = try PenyimpanBerkas.periksa(foto, maks: 5, terima: JenisBerkas.foto, bidang: "foto", label: "Foto")
        let m = KegiatanModel()
        m.id = UUID()
        m.$kim.id = try kim.requireID()
        (m.jenis, m.tanggal, m.tempat, m.uraian, m.peserta) = (k.jenis.rawValue, k.tanggal.iso, k.tempat, k.uraian, k.peserta)
        (m.dibuatOleh, m.dibuatPada) = (aktor.id, jam.sekarang())
        var fotoModel: [FotoKegiatanModel] = []
        for b in berkas {
            let f = FotoKegiatanModel()
            f.$kegiatan.id = m.id!
            (f.berkas, f.tipeMime, f.ukuran, f.sha256) = (try penyimpanFoto.simpan(b), b.jenis.mime, b.bytes.count, b.sha256)
            fotoModel.append(f)
        }
        let simpan = fotoModel
        try await db.transaction { db in
            try await m.create(on: db)
            for f in simpan { try await f.create(on: db) }
        }
        return m
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
