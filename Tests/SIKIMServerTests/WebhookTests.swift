import SIKIMData
import Crypto
import Fluent
import NIOConcurrencyHelpers
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class WebhookTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func antre() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001")
        let p = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        var isian = IsianLaporan()
        (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = ("lingkungan", "Sungai tercemar", "Hitam", "36.04.05.2001")
        _ = try await Uji.layananLaporan(app).buat(isian, foto: [], oleh: try p.pelaku(), kunci: nil)
    }

    func testDikirimDenganTandaTanganHMAC() async throws {
        // a gateway on loopback that records what it receives
        let diterima = NIOLockedValueBox<[(String, String)]>([])
        let gateway = try await Application.make(Environment(name: "testing", arguments: ["gateway"]))
        gateway.http.server.configuration.hostname = "127.0.0.1"
        gateway.http.server.configuration.port = 0
        gateway.post("hook") { req -> HTTPStatus in
            diterima.withLockedValue { $0.append((req.headers.first(name: "X-SIKIM-Signature") ?? "", req.body.string ?? "")) }
            return .ok
        }
        do {
            try await gateway.startup()
            let port = try XCTUnwrap(gateway.http.server.shared.localAddress?.port, "the gateway listens")
            let b = Peramban(app)
            try await b.masuk("admin", Uji.sandiAdmin)
            try await b.get("/pengaturan")
            let salah = try await b.post("/pengaturan/webhook", ["url": "ftp://127.0.0.1/hook", "rahasia": "x"])
            XCTAssertEqual(salah.status, .unprocessableEntity)
            let simpan = try await b.post("/pengaturan/webhook", ["url": "http://127.0.0.1:\(port)/hook", "rahasia": "rahasia-gateway"])
            XCTAssertEqual(simpan.status, .seeOther)
            try await antre()
            try await PengirimWebhook(db: app.db, jam: app.jam).kirimYangJatuhTempo(client: app.client, logger: app.logger, batasWaktu: .milliseconds(500))
        } catch {
            XCTFail("\(error)")
            try? await gateway.asyncShutdown()
            throw error
        }
        try await gateway.asyncShutdown()

        let kiriman = diterima.withLockedValue { $0 }
        XCTAssertEqual(kiriman.count, 1)
        let (tanda, isi) = try XCTUnwrap(kiriman.first)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(isi.utf8), using: SymmetricKey(data: Data("rahasia-gateway".utf8)))
        XCTAssertEqual(tanda, "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(isi.utf8)) as? [String: String])
        XCTAssertEqual(json["jenis"], "laporan_baru")
        XCTAssertFalse(isi.contains("Nama pengurus"), "no personal data leaves the system")
        let status = try await KirimanWebhookModel.query(on: app.db).all().map(\.status)
        XCTAssertEqual(status, ["terkirim"])
    }

    func testGagalDicobaUlangLaluDitinggalkan() async throws {
        let layanan = PengirimWebhook(db: app.db, jam: app.jam)
        try await RepositoriWebhook(db: app.db, jam: app.jam).simpan(url: "http://127.0.0.1:1/tertutup", rahasia: "r")
        try await antre()
        try await layanan.kirimYangJatuhTempo(client: app.client, logger: app.logger, batasWaktu: .milliseconds(500))
        var m = try await XCTUnwrapAsync(await KirimanWebhookModel.query(on: app.db).first())
        XCTAssertEqual(m.percobaan, 1)
        XCTAssertEqual(m.status, "menunggu")
        XCTAssertEqual(m.berikutnya.timeIntervalSince(jam.sekarang), 30, accuracy: 0.01)
        // not due yet: nothing is attempted
        try await layanan.kirimYangJatuhTempo(client: app.client, logger: app.logger, batasWaktu: .milliseconds(500))
        m = try await XCTUnwrapAsync(await KirimanWebhookModel.query(on: app.db).first())
        XCTAssertEqual(m.percobaan, 1)
        for _ in 2...6 {
            jam.maju(600)
            try await layanan.kirimYangJatuhTempo(client: app.client, logger: app.logger, batasWaktu: .milliseconds(500))
        }
        m = try await XCTUnwrapAsync(await KirimanWebhookModel.query(on: app.db).first())
        XCTAssertEqual(m.percobaan, 6)
        XCTAssertEqual(m.status, "gagal")
        XCTAssertNotNil(m.galat)
    }
}
