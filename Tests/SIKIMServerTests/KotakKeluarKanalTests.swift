import Fluent
import SIKIMCore
import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// The chat outbox (issue 21): retries with backoff until it gives up, a refusal not retried,
/// staff seeing the failure and sending it again, the per-recipient limit and the daily cap —
/// over a limit a message waits, it is never dropped.
final class KotakKeluarKanalTests: XCTestCase {
    var o: ObrolanWhatsApp!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!)
    let warga = "6285711112222"
    var app: Application { o.app }

    override func tearDown() async throws { try await o?.tutup() }

    func kiriman() async throws -> [KirimanKanalModel] { try await KirimanKanalModel.query(on: app.db).sort(\.$dibuatPada).sort(\.$kunci).all() }

    /// `n` messages queued to the citizen, as the services queue them.
    func antre(_ n: Int, dari: Int = 0) async throws {
        let alamat = try XCTUnwrap(AlamatKanal(kanal: .whatsapp, nomor: warga))
        o.wa.catatPesan(dari: warga)
        try await RepositoriKanal(db: app.db).antre((dari..<(dari + n)).compactMap {
            AntreanKanal(l: app.lingkungan).pesan("uji:\($0)", ke: alamat, Percakapan.Balasan("Pesan \($0)"))
        })
        // the window is open: the person wrote
        _ = try await RepositoriKanal(db: app.db).percakapan(alamat, pesanPada: jam.sekarang)
    }

    func kirim() async throws { try await PengirimKanal(l: app.lingkungan, client: app.client).kirimYangJatuhTempo() }

    func testGagalDicobaUlangLaluStafMengirimLagi() async throws {
        o = try await ObrolanWhatsApp(jam: jam)
        try await antre(1)
        o.wa.gagal.withLockedValue { $0 = .internalServerError }
        try await kirim()
        var m = try await kiriman()[0]
        XCTAssertEqual(m.status, "menunggu")
        XCTAssertEqual(m.percobaan, 1)
        XCTAssertEqual(m.berikutnya.timeIntervalSince(jam.sekarang), 30, accuracy: 0.01, "backoff: 30 s first")
        for _ in 2...6 {
            jam.maju(600)
            try await kirim()
        }
        m = try await kiriman()[0]
        XCTAssertEqual(m.status, "gagal")
        XCTAssertEqual(m.percobaan, 6)
        XCTAssertTrue(m.galat?.hasPrefix("HTTP 500") ?? false, m.galat ?? "")

        // Staff see it and send it again; the gateway is back.
        try await Uji.pengguna(app, "verif", .verifikator)
        let b = Peramban(app)
        try await b.masuk("verif", "sandiuji12345")
        let halaman = try await b.get("/pengaturan/kanal?status=gagal")
        XCTAssertTrue(halaman.body.string.contains("Percobaan 6: HTTP 500"), halaman.body.string)
        XCTAssertTrue(halaman.body.string.contains("0857-1111-2222"))
        o.wa.gagal.withLockedValue { $0 = nil }
        let ulang = try await b.post("/pengaturan/kanal/kiriman/\(m.id!)/ulang", ["versi": "\(m.versi)"])
        XCTAssertEqual(ulang.status, .seeOther)
        let dua = try await b.post("/pengaturan/kanal/kiriman/\(m.id!)/ulang", ["versi": "\(m.versi)"])
        XCTAssertEqual(dua.status, .conflict, "a second click finds it already queued")
        try await kirim()
        let akhir = try await kiriman()[0]
        XCTAssertEqual(akhir.status, "terkirim")
        XCTAssertEqual(o.wa.kirimanSemua.map(\.teks), ["Pesan 0"])
    }

    func testKabarWhatsAppMenuntaskanYangTidakPastiDanMelaporkanGagal() async throws {
        o = try await ObrolanWhatsApp(jam: jam)
        try await antre(2)
        try await kirim()
        XCTAssertEqual(o.wa.kirimanSemua.count, 2)
        // The process died after Meta took the first: still taken a minute later, it is uncertain
        // (not before: another node may be sending it right now).
        var m = try await kiriman()
        (m[0].status, m[0].dikirimPada, m[0].berikutnya) = ("mengirim", nil, jam.sekarang)
        try await m[0].save(on: app.db)
        let pengirim = PengirimKanal(l: app.lingkungan, client: app.client)
        jam.maju(30)
        try await pengirim.tandaiYangTerputus()
        var diambil = try await kiriman()[0]
        XCTAssertEqual(diambil.status, "mengirim")
        jam.maju(31)
        try await pengirim.tandaiYangTerputus()
        diambil = try await kiriman()[0]
        XCTAssertEqual(diambil.status, "tidak_pasti")

        // Meta's status webhook, carrying the row's id back, settles it; a later "delivered" changes nothing.
        let res = try await o.kirimStatus(o.wa.kirimanSemua[0], "sent")
        XCTAssertEqual(res.status, .ok)
        try await o.kirimStatus(o.wa.kirimanSemua[0], "delivered")
        m = try await kiriman()
        XCTAssertEqual(m[0].status, "terkirim")
        XCTAssertEqual(m[0].idLuar, o.wa.kirimanSemua[0].idLuar)
        XCTAssertNil(m[0].galat)

        // The second was taken, then could not be delivered: staff see why.
        try await o.kirimStatus(o.wa.kirimanSemua[1], "failed", galat: (131026, "Message undeliverable"))
        m = try await kiriman()
        XCTAssertEqual(m[1].status, "gagal")
        XCTAssertEqual(m[1].galat, "WhatsApp 131026: Message undeliverable")
        XCTAssertEqual(o.wa.kirimanSemua.count, 2, "nothing sent twice")
    }

    func testTanpaKabarGerbangDikirimLagiSekali() async throws {
        o = try await ObrolanWhatsApp(jam: jam)
        try await antre(1)
        // Taken, then the process died before Meta was called: no status will ever come.
        let m = try await kiriman()[0]
        (m.status, m.berikutnya) = ("mengirim", jam.sekarang)
        try await m.save(on: app.db)
        let pengirim = PengirimKanal(l: app.lingkungan, client: app.client)
        jam.maju(61)
        try await pengirim.tandaiYangTerputus()
        let terputus = try await kiriman()[0]
        XCTAssertEqual(terputus.status, "tidak_pasti")
        jam.maju(600)
        try await pengirim.tandaiYangTerputus()
        try await kirim()
        let akhir = try await kiriman()[0]
        XCTAssertEqual(akhir.status, "terkirim")
        XCTAssertEqual(o.wa.kirimanSemua.map(\.teks), ["Pesan 0"], "sent once, after all")
    }

    func testPenolakanTidakDicobaUlang() async throws {
        o = try await ObrolanWhatsApp(jam: jam)
        try await antre(1)
        o.wa.gagal.withLockedValue { $0 = .badRequest }
        try await kirim()
        let m = try await kiriman()[0]
        XCTAssertEqual(m.status, "gagal", "a 4xx is the request's fault: not retried blindly")
        XCTAssertEqual(m.percobaan, 1)
    }

    func testBatasPerPenerimaDanHarianMenunda() async throws {
        o = try await ObrolanWhatsApp(jam: jam, batasHarian: 12)
        try await antre(12)
        try await kirim()
        try await kirim()
        XCTAssertEqual(o.wa.kirimanSemua.count, 10, "ten per recipient per ten minutes")
        let menunggu = try await kiriman().filter { $0.status == "menunggu" }
        XCTAssertEqual(menunggu.count, 2)
        XCTAssertTrue(menunggu.allSatisfy { $0.berikutnya > jam.sekarang })
        jam.maju(601)
        try await kirim()
        XCTAssertEqual(o.wa.kirimanSemua.count, 12, "then the rest")

        // The day's cap (12) is reached: the next waits for midnight WIB.
        try await antre(1, dari: 12)
        jam.maju(601)
        try await kirim()
        XCTAssertEqual(o.wa.kirimanSemua.count, 12)
        let m = try await kiriman().last!
        XCTAssertEqual(m.status, "menunggu")
        XCTAssertEqual(m.berikutnya, Tanggal(jam.sekarang).tambahHari(1).awal)
    }
}
