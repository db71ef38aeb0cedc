import Fluent
import Foundation
import SIKIMCore
import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// The one change signal (`SinyalPerubahan`): a write through each path reaches every cache
/// that depends on it, at once in this process and within the documented bound from another
/// (ARSITEKTUR, "Satu sinyal perubahan").
final class SinyalPerubahanTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!) // Monday

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    /// The dashboard's laporan count, as the admin's page shows it.
    private func jumlahDasbor(_ b: Peramban) async throws -> String? {
        let html = try await b.get("/dasbor").body.string
        return html.components(separatedBy: #"id="jumlah-laporan">"#).dropFirst().first.map { String($0.prefix(while: \.isNumber)) }
    }

    private func isian(_ judul: String) -> IsianLaporan {
        var i = IsianLaporan()
        (i.kategori, i.judul, i.isi, i.kodeWilayah) = ("lingkungan", judul, "Di sungai", "36.04.05.2001")
        return i
    }

    /// Every cache of `CacheServer` is emptied by a write, through Fluent's models, to each
    /// table it reads.
    func testSetiapCacheMendengarTabelnya() async throws {
        // setup: each cache with a value, and a write of each table it reads
        let c = app.cacheServer
        let admin = try await XCTUnwrapAsync(try await LayananAkun(l: app.lingkungan).cari(username: "admin"))
        let tulis: [String: () async throws -> Void] = [
            PenggunaModel.schema: { admin.nama = "Admin \(UUID())"; try await admin.save(on: self.app.db) },
            TokenAPIModel.schema: { _ = try await LayananToken(l: self.app.lingkungan).terbitkan(untuk: admin, nama: "uji") },
            PengaturanModel.schema: { try await RepositoriPengaturan(db: self.app.db).simpan([("ambang_aktif", "31")]) },
            KategoriModel.schema: {
                let k = try await XCTUnwrapAsync(try await KategoriModel.find("lingkungan", on: self.app.db))
                k.nama = "Lingkungan \(UUID())"
                try await k.save(on: self.app.db)
            },
            WilayahModel.schema: {
                let w = try await XCTUnwrapAsync(try await WilayahModel.find("36.04.05", on: self.app.db))
                w.nama = "Kramatwatu \(UUID())"
                try await w.save(on: self.app.db)
            },
        ]
        let dibaca: [String: Set<String>] = ["token": [PenggunaModel.schema, TokenAPIModel.schema],
                                             "alamat": [PenggunaModel.schema, PengaturanModel.schema],
                                             "kategori": [KategoriModel.schema], "wilayah": [WilayahModel.schema]]
        let (token, _) = try await LayananToken(l: app.lingkungan).terbitkan(untuk: admin, nama: "baca")
        for (tabel, tulisTabel) in tulis {
            for nama in dibaca.keys.sorted() {
                let bacaan = Penghitung()
                try await isi(nama, c, bacaan, hash: token.hashToken, kunci: tabel)
                // act
                try await tulisTabel()
                // check: read afresh only where the cache reads the table
                try await isi(nama, c, bacaan, hash: token.hashToken, kunci: tabel)
                XCTAssertEqual(bacaan.n, dibaca[nama]!.contains(tabel) ? 2 : 1, "\(nama) after a write of \(tabel)")
            }
        }
    }

    /// Unchecked: read and written only by the test's own task, one cache read at a time.
    final class Penghitung: @unchecked Sendable { var n = 0 }

    /// Fills (or reads) one cache under the key `k`, counting the reads that reach the source.
    private func isi(_ nama: String, _ c: CacheServer, _ bacaan: Penghitung, hash: String, kunci k: String) async throws {
        let db = app.db, jam = app.jam
        switch nama {
        case "token": _ = try await c.token.ambil(k) { bacaan.n += 1; return try await RepositoriPengguna(db: db).dariToken(hash: hash) }
        case "alamat": _ = try await c.alamat.ambil(k) { () async throws -> RepositoriNotifikasi.Alamat? in bacaan.n += 1; return try await RepositoriNotifikasi(db: db, jam: jam).alamat([]) }
        case "kategori": _ = try await c.kategori.ambil(k) { () async throws -> KategoriLaporan? in
            bacaan.n += 1
            return try await KategoriModel.find("bencana", on: db).map(KategoriLaporan.init)
        }
        default: _ = try await c.wilayah.ambil(k) { () async throws -> Bool? in bacaan.n += 1; return true }
        }
    }

    /// A write through the API shows on the dashboard at once.
    func testTulisanLewatAPI() async throws {
        // setup
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let sebelum = try await jumlahDasbor(b)
        XCTAssertEqual(sebelum, "0")
        // act
        let k = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let res = try await k.kirim(.POST, "/api/v1/laporan", json: #"{"kategori":"lingkungan","judul":"Banjir","isi":"Air naik","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(res.status, .created)
        // check
        let sesudah = try await jumlahDasbor(b)
        XCTAssertEqual(sesudah, "1")
    }

    /// Rows inserted by plain SQL, past Fluent's models, announce their table themselves.
    func testSisipanPolos() async throws {
        // setup
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let sebelum = try await jumlahDasbor(b)
        XCTAssertEqual(sebelum, "0")
        let versi = app.sinyal.versi([LaporanModel.schema])
        let admin = try await XCTUnwrapAsync(try await LayananAkun(l: app.lingkungan).cari(username: "admin"))
        // act
        let m = LaporanModel()
        (m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah) = ("LAP-2026-900001", "Sisipan", "Polos", "lingkungan", "36.04.05.2001")
        (m.pelaporID, m.namaPelapor, m.sumber, m.kerahasiaan, m.jawabanJSON) = (admin.id!, "Uji", "pengamatan_langsung", "biasa", "{}")
        (m.status, m.dipublikasikan, m.dibuatPada, m.diubahPada, m.versi) = ("masuk", false, jam.sekarang, jam.sekarang, 0)
        try await [m].sisipkan(on: app.db)
        // check
        XCTAssertGreaterThan(app.sinyal.versi([LaporanModel.schema]), versi)
        let sesudah = try await jumlahDasbor(b)
        XCTAssertEqual(sesudah, "1")
    }

    /// The periodic check, a background job, records activity statuses: the dashboard's
    /// trend hears of it at once.
    func testPekerjaanLatar() async throws {
        // setup: a legalised KIM, so that it has an activity status
        let admin = try await XCTUnwrapAsync(try await LayananAkun(l: app.lingkungan).cari(username: "admin")).pelaku()
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-18"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let sebelum = try await b.get("/dasbor").body.string
        XCTAssertFalse(sebelum.contains("Status aktivitas KIM"))
        // act
        try await PemeriksaBerkala(l: app.lingkungan).jalankan()
        // check
        let sesudah = try await b.get("/dasbor").body.string
        XCTAssertTrue(sesudah.contains("Status aktivitas KIM terkini"), "one day of history: bars, not a line")
    }

    /// Another server on the same database (here: a second application) shares no memory: its
    /// changes show within the caches' bounds, the dashboard's a minute.
    func testServerLainDalamBatas() async throws {
        // setup
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let pengurus = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim).pelaku()
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let n1 = try await jumlahDasbor(b)
        XCTAssertEqual(n1, "0")
        let lain = try await Uji.appLain(app, jam: jam)
        // act
        _ = try await LayananLaporan(l: lain.lingkungan).buat(isian("Sampah"), foto: [], oleh: pengurus, kunci: nil)
        try await lain.asyncShutdown()
        // check: not yet; after a minute the old figures once more while fresh ones are computed
        let n2 = try await jumlahDasbor(b)
        XCTAssertEqual(n2, "0")
        jam.maju(61)
        let n3 = try await jumlahDasbor(b)
        XCTAssertEqual(n3, "0")
        await app.cacheDasbor.tungguSelesai()
        let n4 = try await jumlahDasbor(b)
        XCTAssertEqual(n4, "1")
    }

    /// `sikim user reset-password` in another process ends the user's tokens: this server's
    /// token cache lets the old token through for at most five seconds more.
    func testPerintahDiProsesLain() async throws {
        // setup
        let biner = try XCTUnwrap(Self.biner(), "biner sikim tidak ada di samping uji: jalankan swift build --build-tests")
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        let k = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let awal = try await k.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(awal.status, .ok)
        // act
        let p = Process()
        p.executableURL = biner
        p.arguments = ["user", "reset-password", "--username", "pengurus", "--password", "sandibaru12345"]
        var env = ProcessInfo.processInfo.environment
        env["SIKIM_DATA_DIR"] = app.sikim.direktoriData
        env["DATABASE_URL"] = app.sikim.databaseURL
        env["LOG_LEVEL"] = "warning"
        p.environment = env
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        // check: within the bound, then refused
        let segera = try await k.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(segera.status, .ok, "cached for up to five seconds")
        jam.maju(6)
        let nanti = try await k.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(nanti.status, .unauthorized)
    }

    /// The `sikim` binary beside the test bundle (`swift build --build-tests` builds both).
    static func biner() -> URL? {
        let uji = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        return [uji.deletingLastPathComponent(), uji.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("sikim") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
