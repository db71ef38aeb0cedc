import SIKIMData
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SIKIMCore
import XCTest
import XCTVapor
import AsyncHTTPClient
@testable import SIKIMServer

/// A clock the test moves by hand.
final class JamUji: Sendable {
    private let waktu: NIOLockedValueBox<Date>
    init(_ awal: Date = ISO8601DateFormatter().date(from: "2024-05-16T03:00:00Z")!) { waktu = .init(awal) }
    var sekarang: Date { waktu.withLockedValue { $0 } }
    func maju(_ detik: TimeInterval) { waktu.withLockedValue { $0 += detik } }
    var jam: Jam { Jam { [self] in sekarang } }
}

enum Uji {
    static let sandiAdmin = "adminrahasia123"
    static var databaseURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// An app on a real database: a fresh SQLite file, or the PostgreSQL of `DATABASE_URL`
    /// emptied first. Migrated, regions loaded, admin created, as on a first run.
    static func app(jam: JamUji = JamUji(), kosongkan: Bool = true, kanal: KonfigurasiKanal = .mati) async throws -> Application {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning // migrations log every step at info level
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sikim-uji-\(UUID().uuidString)").path
        var k = Konfigurasi(direktoriData: dir, databaseURL: databaseURL, kataSandiAdmin: sandiAdmin, biayaBcrypt: 4)
        k.kanal = kanal
        do {
            try configure(app, k, jam: jam.jam)
            if databaseURL != nil, kosongkan { try await app.autoRevert() }
            _ = try await Persiapan.siapkanBasisData(app)
            _ = try await Persiapan.pastikanAdmin(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// A second server on the same data directory and database, as another process would be:
    /// it shares no memory with `app` (no change signal, no caches).
    static func appLain(_ app: Application, jam: JamUji = JamUji()) async throws -> Application {
        let lain = try await Application.make(.testing)
        lain.logger.logLevel = .warning
        do {
            try configure(lain, app.sikim, jam: jam.jam)
            _ = try await Persiapan.siapkanBasisData(lain)
        } catch {
            try? await lain.asyncShutdown()
            throw error
        }
        return lain
    }

    static func tutup(_ app: Application) async throws {
        let dir = app.sikim.direktoriData
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Creates an account directly through the service, as the admin pages do.
    @discardableResult
    static func pengguna(_ app: Application, _ username: String, _ peran: Peran, wilayah: String? = nil,
                         opd: String? = nil, kim: KimModel? = nil, sandi: String = "sandiuji12345") async throws -> PenggunaModel {
        try await LayananAkun(l: app.lingkungan)
            .buat(username: username, nama: "Nama \(username)", kataSandi: sandi, peran: peran.rawValue,
                  kodeWilayah: wilayah, kodeOPD: opd, kimID: kim?.id)
    }

    static func layananKim(_ app: Application) -> LayananKim {
        LayananKim(l: app.lingkungan)
    }

    /// A KIM in draf for a region, created by the admin, optionally with a complete board.
    @discardableResult
    static func kim(_ app: Application, _ kode: String, lengkap: Bool = false) async throws -> KimModel {
        var isian = IsianKim()
        isian.kodeWilayah = kode
        isian.tingkat = KodeWilayah(kode)!.tingkat == .desa ? "desa" : "kecamatan"
        if lengkap {
            isian.tanggalPembentukan = "2024-05-16"
            isian.tempatPembentukan = "Aula Kantor Desa"
            isian.jumlahHadir = "25"
            isian.pengurus = [
                IsianPengurus(nama: "Ahmad Fauzi", jabatan: "ketua", jenisKelamin: "L", nomorHp: "0812-3456-7890", tahunLahir: "1980"),
                IsianPengurus(nama: "Siti Rohmah", jabatan: "sekretaris", jenisKelamin: "P", nomorHp: "0813-1111-2222", tahunLahir: "1990"),
                IsianPengurus(nama: "Dedi Supriadi", jabatan: "bendahara", jenisKelamin: "L", nomorHp: "0857-3333-4444", tahunLahir: "1985"),
            ]
        }
        return try await layananKim(app).buat(isian, oleh: Aktor(id: UUID(), penugasan: .admin))
    }
}

/// A browser for in-memory requests: keeps cookies, sends the page's CSRF token with forms.
final class Peramban {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func buka(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> XCTHTTPResponse {
        var h = headers
        if !cookies.isEmpty {
            h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let res = try await app.sendRequest(method, path, headers: h, body: body)
        for (nama, nilai) in res.headers.setCookie?.all ?? [:] {
            if let e = nilai.expires, e < Date() { cookies[nama] = nil } else { cookies[nama] = nilai.string }
        }
        if let t = Self.csrfDari(res.body.string) { csrf = t }
        return res
    }

    @discardableResult
    func get(_ path: String) async throws -> XCTHTTPResponse { try await buka(.GET, path) }

    /// Posts a form like a browser does, with the last page's CSRF token unless given.
    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf override: String? = nil) async throws -> XCTHTTPResponse {
        var isi = form
        if isi["_csrf"] == nil, let t = override ?? csrf { isi["_csrf"] = t }
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        let body = isi.map { "\(Self.kode($0.key))=\(Self.kode($0.value))" }.joined(separator: "&")
        return try await buka(.POST, path, headers: h, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file, as a browser's upload form does.
    @discardableResult
    func unggah(_ path: String, berkas: [UInt8], namaBerkas: String, tipe: String = "application/octet-stream",
                bidang: [String: String] = [:], namaBidang: String = "berkas") async throws -> XCTHTTPResponse {
        let (h, body) = Multipart.badan(bidang.merging(["_csrf": csrf ?? ""], uniquingKeysWith: { a, _ in a }),
                                        berkas: berkas, namaBerkas: namaBerkas, tipe: tipe, namaBidang: namaBidang)
        return try await buka(.POST, path, headers: h, body: body)
    }

    @discardableResult
    func masuk(_ username: String, _ sandi: String) async throws -> XCTHTTPResponse {
        try await get("/masuk")
        return try await post("/masuk", ["username": username, "kata_sandi": sandi])
    }

    static func kode(_ s: String) -> String {
        var boleh = CharacterSet.alphanumerics
        boleh.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: boleh)!
    }

    /// The hidden fields a page carries to its next step (one value per name), as a form sends them.
    static func tersembunyi(_ html: String) -> [String: String] {
        let pola = try! NSRegularExpression(pattern: #"<input type="hidden" name="([^"]+)" value="([^"]*)">"#)
        let pasangan = pola.matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { (String(html[Range($0.range(at: 1), in: html)!]), String(html[Range($0.range(at: 2), in: html)!])) }
        return Dictionary(pasangan, uniquingKeysWith: { a, _ in a })
    }

    static func csrfDari(_ html: String) -> String? {
        guard let r = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(html[r].dropFirst(#"name="_csrf" value=""#.count).dropLast())
    }
}

/// A multipart/form-data body with fields and one file, as a browser's upload form sends it.
enum Multipart {
    static func badan(_ bidang: [String: String], berkas: [UInt8], namaBerkas: String, tipe: String,
                      namaBidang: String) -> (HTTPHeaders, ByteBuffer) {
        let batas = "----sikim\(UUID().uuidString)"
        var body = ByteBuffer()
        for (k, v) in bidang {
            body.writeString("--\(batas)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        body.writeString("--\(batas)\r\nContent-Disposition: form-data; name=\"\(namaBidang)\"; filename=\"\(namaBerkas)\"\r\nContent-Type: \(tipe)\r\n\r\n")
        body.writeBytes(berkas)
        body.writeString("\r\n--\(batas)--\r\n")
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(batas)")
        return (h, body)
    }
}

/// A JSON API client with an optional bearer token.
struct KlienAPI {
    let app: Application
    var token: String?

    func kirim(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        if let token { h.bearerAuthorization = .init(token: token) }
        if json != nil { h.contentType = .json }
        return try await app.sendRequest(method, path, headers: h, body: json.map { ByteBuffer(string: $0) })
    }

    static func masuk(_ app: Application, _ username: String, _ sandi: String) async throws -> KlienAPI {
        let res = try await KlienAPI(app: app).kirim(.POST, "/api/v1/token", json: #"{"username":"\#(username)","password":"\#(sandi)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        return KlienAPI(app: app, token: try res.json()["token"] as? String)
    }
}

extension XCTHTTPResponse {
    func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any], body.string)
    }

    /// The API's error code, from `{"error": {"code": …}}`.
    func kodeKesalahan() throws -> String? {
        (try json()["error"] as? [String: Any])?["code"] as? String
    }

    func pesanKesalahan() throws -> String? {
        (try json()["error"] as? [String: Any])?["message"] as? String
    }

    func data() throws -> [[String: Any]] {
        try XCTUnwrap(try json()["data"] as? [[String: Any]])
    }
}

/// Real pictures for uploads (`Tests/Fixtures/gambar`): a stored photo must be a whole one.
enum GambarUji {
    static func baca(_ nama: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/gambar/\(nama)")
        return [UInt8]((try? Data(contentsOf: url)) ?? Data())
    }

    /// A small JPEG without metadata.
    static let jpeg = baca("polos.jpg")
    /// A phone photo's metadata: GPS, author, maker, comment, orientation.
    static let jpegExif = baca("exif.jpg")
    static let png = baca("exif.png")
}

/// The app served over real HTTP on a free loopback port, and a client with a connection for
/// each of many requests: what must race goes through the same server code as in production.
/// Unchecked: its stored properties never change after `mulai`, and both are thread-safe.
final class PeladenUji: @unchecked Sendable {
    let app: Application
    let klien: HTTPClient
    let dasar: String

    private init(app: Application, klien: HTTPClient, dasar: String) { (self.app, self.klien, self.dasar) = (app, klien, dasar) }

    static func mulai(_ app: Application) async throws -> PeladenUji {
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try app.server.start()
        let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
        var cfg = HTTPClient.Configuration()
        cfg.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        return PeladenUji(app: app, klien: HTTPClient(eventLoopGroupProvider: .singleton, configuration: cfg), dasar: "http://127.0.0.1:\(port)")
    }

    func tutup() async throws {
        try await klien.shutdown()
        await app.server.shutdown()
    }

    struct Jawaban: Sendable {
        let status: Int
        let badan: String
    }

    /// `json`, or a `multipart` body with its headers (`Multipart.badan`).
    func kirim(_ metode: HTTPMethod, _ jalur: String, token: String?, json: String? = nil, kunci: String? = nil,
               multipart: (HTTPHeaders, ByteBuffer)? = nil, kepala: HTTPHeaders = [:]) async throws -> Jawaban {
        var r = HTTPClientRequest(url: dasar + jalur)
        r.method = metode
        r.headers.add(contentsOf: kepala)
        if let token { r.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let kunci { r.headers.add(name: "Idempotency-Key", value: kunci) }
        if let json {
            r.headers.add(name: "Content-Type", value: "application/json")
            r.body = .bytes(ByteBuffer(string: json))
        }
        if let (h, badan) = multipart {
            r.headers.add(contentsOf: h)
            r.body = .bytes(badan)
        }
        let res = try await klien.execute(r, timeout: .seconds(60))
        let badan = try await res.body.collect(upTo: 4 * 1024 * 1024)
        return Jawaban(status: Int(res.status.code), badan: String(buffer: badan))
    }

    /// Sends `n` requests released at the same instant: each waits, connected, at a barrier
    /// until all are ready (the connections are opened first, by as many requests at once).
    /// The answers come in the order of `i`.
    func serentak(_ n: Int, _ permintaan: @escaping @Sendable (Int) async throws -> Jawaban) async throws -> [Jawaban] {
        _ = try await withThrowingTaskGroup(of: Int.self) { g in
            for _ in 0..<n { g.addTask { try await self.kirim(.GET, "/healthz", token: nil).status } }
            return try await g.reduce(into: []) { $0.append($1) }
        }
        let penghalang = Penghalang(n)
        return try await withThrowingTaskGroup(of: (Int, Jawaban).self) { g in
            for i in 0..<n {
                g.addTask {
                    await penghalang.tunggu()
                    return (i, try await permintaan(i))
                }
            }
            return try await g.reduce(into: [:]) { $0[$1.0] = $1.1 }.sorted { $0.key < $1.key }.map(\.value)
        }
    }
}

/// Releases everyone once `jumlah` have arrived.
actor Penghalang {
    private let jumlah: Int
    private var menunggu: [CheckedContinuation<Void, Never>] = []

    init(_ jumlah: Int) { self.jumlah = jumlah }

    func tunggu() async {
        await withCheckedContinuation { c in
            menunggu.append(c)
            if menunggu.count == jumlah {
                menunggu.forEach { $0.resume() }
                menunggu = []
            }
        }
    }
}

extension Pelaku {
    /// Who acts, named as the account.
    init(model: PenggunaModel, aktor: Aktor) { self.init(aktor: aktor, nama: model.nama) }
}

extension PenggunaModel {
    /// The account acting as itself.
    func pelaku() throws -> Pelaku { Pelaku(aktor: try aktor(), nama: nama) }
}
