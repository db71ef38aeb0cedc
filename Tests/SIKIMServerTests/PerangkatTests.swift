import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 20: the phone app's device credential. A phone holds one at a time, and revoking it
/// cuts the phone off in one step: its credential and its signed-in pages.
// Unchecked: the racing requests only read `app`, set in `setUp` before they start.
final class PerangkatTests: XCTestCase, @unchecked Sendable {
    var app: Application!

    override func setUp() async throws {
        app = try await Uji.app()
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    /// A phone signed in on its app page.
    func ponselMasuk() async throws -> Peramban {
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/aplikasi")
        return b
    }

    func kepala(_ b: Peramban, ponsel: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.add(name: "X-SIKIM-Perangkat", value: ponsel)
        h.add(name: "X-CSRF-Token", value: b.csrf ?? "")
        h.add(name: .accept, value: "application/json")
        h.add(name: .cookie, value: b.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return h
    }

    func mintaAkses(_ b: Peramban, ponsel: String) async throws -> String {
        let res = try await b.buka(.POST, "/aplikasi/perangkat", headers: kepala(b, ponsel: ponsel))
        XCTAssertEqual(res.status, .created, res.body.string)
        return try XCTUnwrap(try res.json()["token"] as? String)
    }

    func status(_ token: String) async throws -> HTTPStatus {
        try await KlienAPI(app: app, token: token).kirim(.GET, "/api/v1/saya").status
    }

    func aktif(ponsel: String) async throws -> [TokenAPIModel] {
        try await TokenAPIModel.query(on: app.db).filter(\.$perangkat == ponsel).filter(\.$dicabutPada == nil).all()
    }

    func testSatuAksesPerPonselDanPencabutanMengeluarkanPonselItu() async throws {
        // setup: a page left mid-request lost the first answer; the phone asks again
        let ponsel = try await ponselMasuk(), id = UUID().uuidString
        let hilang = try await mintaAkses(ponsel, ponsel: id)
        let dipakai = try await mintaAkses(ponsel, ponsel: id)
        let lain = try await ponselMasuk()
        let milikLain = try await mintaAkses(lain, ponsel: UUID().uuidString)
        // check: the lost one no longer works, the phone is still signed in
        let (s1, s2) = (try await status(hilang), try await status(dipakai))
        XCTAssertEqual([s1, s2], [.unauthorized, .ok])
        let masihMasuk = try await ponsel.get("/aplikasi")
        XCTAssertEqual(masihMasuk.status, .ok)
        let satu = try await aktif(ponsel: id)
        XCTAssertEqual(satu.count, 1)

        // act: the phone is stolen; its owner revokes it from another device
        let pemilik = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let cabut = try await pemilik.kirim(.DELETE, "/api/v1/token/\(satu[0].id!)")
        XCTAssertEqual(cabut.status, .noContent, cabut.body.string)

        // check: neither its credential nor its pages, nor a new credential by its session
        let s3 = try await status(dipakai)
        XCTAssertEqual(s3, .unauthorized)
        let halaman = try await ponsel.get("/aplikasi")
        XCTAssertNotEqual(halaman.status, .ok)
        let lagi = try await ponsel.buka(.POST, "/aplikasi/perangkat", headers: kepala(ponsel, ponsel: id))
        XCTAssertNotEqual(lagi.status, .created)
        // the other phone of the same account is untouched
        let s4 = try await status(milikLain)
        XCTAssertEqual(s4, .ok)
        let halamanLain = try await lain.get("/aplikasi")
        XCTAssertEqual(halamanLain.status, .ok)
    }

    /// Two pages of one phone ask at the same instant (no Web Lock in that browser): one
    /// credential stays, and no answer is a 500.
    func testDuaPermintaanSerentakSatuAksesTersisa() async throws {
        let ponsel = try await ponselMasuk(), id = UUID().uuidString
        let s = try await PeladenUji.mulai(app)
        do {
            let h = kepala(ponsel, ponsel: id)
            let jawaban = try await s.serentak(2) { _ in try await s.kirim(.POST, "/aplikasi/perangkat", token: nil, kepala: h) }
            XCTAssertTrue(jawaban.allSatisfy { [201, 409].contains($0.status) }, jawaban.map { "\($0.status) \($0.badan)" }.joined())
            XCTAssertTrue(jawaban.contains { $0.status == 201 })
            let tersisa = try await aktif(ponsel: id)
            XCTAssertEqual(tersisa.count, 1)
        } catch {
            try await s.tutup()
            throw error
        }
        try await s.tutup()
    }
}
