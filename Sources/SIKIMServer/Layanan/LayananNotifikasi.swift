import Fluent
import SQLKit
import Foundation
import SIKIMCore
import Vapor

final class NotifikasiModel: SisipanCepat, @unchecked Sendable {
    static let schema = "notifikasi"

    @ID(key: .id) var id: UUID?
    @Field(key: "pengguna_id") var penggunaID: UUID
    @Field(key: "judul") var judul: String
    @Field(key: "tautan") var tautan: String
    @Field(key: "dibaca") var dibaca: Bool
    @Field(key: "dibuat_pada") var dibuatPada: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $penggunaID, $judul, $tautan, $dibaca, $dibuatPada] }
}

struct M021BuatNotifikasi: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notifikasi")
            .id()
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("judul", .string, .required)
            .field("tautan", .string, .required)
            .field("dibaca", .bool, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "notifikasi_pengguna_idx").on("notifikasi")
            .column("pengguna_id").column("dibaca").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notifikasi").delete()
    }
}

/// Turns the core's notices into rows for the accounts they concern.
struct LayananNotifikasi {
    let db: any Database
    let jam: Jam
    /// Recipients looked up within the last seconds (`CacheServer.alamat`); nil reads afresh.
    var cache: CacheSebentar<Alamat>?

    func kirim(_ p: Pemberitahuan, tautan: String, pelapor: UUID? = nil) async throws {
        try await kirim([Kiriman(pemberitahuan: p, tautan: tautan, pelapor: pelapor)])
    }

    struct Kiriman {
        let pemberitahuan: Pemberitahuan
        let tautan: String
        var pelapor: UUID?
    }

    /// Where notices of some kinds go: the accounts of each kind of recipient (but the
    /// reporter, who is one id) and whether a webhook is set. Read before a write transaction,
    /// so that the transaction holds SQLite's single write lock only for its inserts.
    struct Alamat: Sendable {
        fileprivate let akun: [Pemberitahuan.Penerima: Set<UUID>]
        fileprivate let webhook: Bool
    }

    func alamat(_ pemberitahuan: [Pemberitahuan]) async throws -> Alamat {
        // Most actions on a laporan notify no one: then nothing needs reading.
        guard !pemberitahuan.isEmpty else { return Alamat(akun: [:], webhook: false) }
        guard let cache else { return try await baca(pemberitahuan) }
        let kunci = Set(pemberitahuan.flatMap(\.penerima).map { "\($0)" }).sorted().joined(separator: "|")
        return try await cache.ambil(kunci) { try await baca(pemberitahuan) }
    }

    private func baca(_ pemberitahuan: [Pemberitahuan]) async throws -> Alamat {
        var akun: [Pemberitahuan.Penerima: Set<UUID>] = [:]
        for penerima in pemberitahuan.flatMap(\.penerima) where akun[penerima] == nil {
            if case .pelapor = penerima { continue }
            akun[penerima] = try await akunUntuk(penerima)
        }
        return Alamat(akun: akun, webhook: try await LayananWebhook(db: db, jam: jam).pengaturan() != nil)
    }

    /// Many notices at once (the periodic check may find thousands): each kind of recipient is
    /// looked up once, and rows are inserted in batches.
    func kirim(_ daftar: [Kiriman]) async throws {
        try await kirim(daftar, ke: alamat(daftar.map(\.pemberitahuan)))
    }

    /// Inserts only; every recipient comes from `alamat`, which must cover these notices' kinds.
    func kirim(_ daftar: [Kiriman], ke alamat: Alamat) async throws {
        let sekarang = jam.sekarang()
        let baris = daftar.flatMap { k in
            k.pemberitahuan.penerima.reduce(into: Set<UUID>()) { akun, penerima in
                if case .pelapor = penerima { if let p = k.pelapor { akun.insert(p) } } else { akun.formUnion(alamat.akun[penerima] ?? []) }
            }.map { id in
                let n = NotifikasiModel()
                (n.penggunaID, n.judul, n.tautan, n.dibaca, n.dibuatPada) = (id, k.pemberitahuan.judul, k.tautan, false, sekarang)
                return n
            }
        }
        try await baris.sisipkan(on: db)
        if alamat.webhook { try await LayananWebhook(db: db, jam: jam).antre(daftar.map { ($0.pemberitahuan, $0.tautan) }) }
    }

    /// The active accounts a kind of recipient stands for (not the reporter: that is one id).
    private func akunUntuk(_ penerima: Pemberitahuan.Penerima) async throws -> Set<UUID> {
        let aktif = PenggunaModel.query(on: db).filter(\.$aktif == true)
        switch penerima {
        case .pelapor: return []
        case .verifikator: aktif.filter(\.$peran == Peran.verifikator.rawValue)
        case .opd(let kode): aktif.filter(\.$peran == Peran.opd.rawValue).filter(\.$kodeOPD == kode)
        case .pengurus(let kim): aktif.filter(\.$kimID == kim)
        case .admin: aktif.filter(\.$peran == Peran.admin.rawValue)
        case .operatorWilayah(let w):
            aktif.filter(\.$peran ~~ [Peran.operatorKecamatan.rawValue, Peran.operatorDesa.rawValue])
                .filter(\.$kodeWilayah ~~ ([w.nilai] + (w.induk.map { [$0.nilai] } ?? [])))
        }
        return Set(try await aktif.all(\.$id))
    }
}

extension Array where Element: Model {
    /// Inserts in transactions of 500 rows, one statement per transaction.
    func simpanBertahap(on db: any Database) async throws {
        for potong in bagian(500) {
            try await db.transaction { db in try await Array(potong).create(on: db) }
        }
    }
}

extension Request {
    var layananNotifikasi: LayananNotifikasi { LayananNotifikasi(db: db, jam: application.jam, cache: application.cache.alamat) }

    private struct BelumDibacaKey: StorageKey { typealias Value = Int }

    /// Unread notices of the signed-in user, counted once per page request.
    var notifikasiBelumDibaca: Int? {
        get { storage[BelumDibacaKey.self] }
        set { storage[BelumDibacaKey.self] = newValue }
    }
}

/// The notification list: newest first, opening one marks it read and follows its link.
struct NotifikasiController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifikasi", use: daftar)
        routes.get("notifikasi", ":notifikasi", use: buka)
        routes.post("notifikasi", "baca-semua", use: bacaSemua)
    }

    struct Baris: Encodable { let id: String; let judul: String; let waktu: String; let dibaca: Bool }
    struct Konteks: Encodable { let tata: Tata; let csrf: String; let daftar: [Baris]; let kosong: Bool }

    @Sendable func daftar(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let daftar = try await NotifikasiModel.query(on: req.db).filter(\.$penggunaID == p.aktor.id)
            .sort(\.$dibuatPada, .descending).limit(100).all()
        return try await req.halaman("notifikasi", Konteks(tata: req.tata("Notifikasi"), csrf: req.tokenCSRF, daftar: daftar.map {
            Baris(id: $0.id!.uuidString, judul: $0.judul, waktu: TanggalIndonesia.denganJam($0.dibuatPada), dibaca: $0.dibaca)
        }, kosong: daftar.isEmpty))
    }

    @Sendable func buka(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        guard let id = req.parameters.get("notifikasi", as: UUID.self), let n = try await NotifikasiModel.find(id, on: req.db),
              n.penggunaID == p.aktor.id else { throw KesalahanHTTP.tidakDitemukan("Notifikasi") }
        if !n.dibaca { n.dibaca = true; try await n.update(on: req.db) }
        return req.redirect(to: AutentikasiController.jalurAman(n.tautan))
    }

    @Sendable func bacaSemua(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try await NotifikasiModel.query(on: req.db).filter(\.$penggunaID == p.aktor.id).filter(\.$dibaca == false)
            .set(\.$dibaca, to: true).update()
        return req.alihkan("/notifikasi", kilat: "Semua notifikasi ditandai sudah dibaca.")
    }
}
