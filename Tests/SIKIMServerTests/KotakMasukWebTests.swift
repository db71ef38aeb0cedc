import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19: the laporan list opens on the tab holding the role's work, with counts, the
/// oldest deadline first, a date column, and status and deadline labelled on every row.
final class KotakMasukWebTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-03-02T03:00:00Z")!)
    var id: [String] = []

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "verif", .verifikator)
        try await Uji.pengguna(app, "dpupr", .opd, opd: "dpupr")
        // setup: three laporan an hour apart
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        for judul in ["Pertama", "Kedua", "Ketiga"] {
            let r = try await p.kirim(.POST, "/api/v1/laporan", json: """
            {"kategori":"infrastruktur","judul":"\(judul)","isi":"Jalan berlubang.","kode_wilayah":"36.04.05.2001",
             "kerahasiaan":"biasa","sumber":"pengamatan_langsung","jawaban":{}}
            """)
            id.append(try XCTUnwrap(try r.json()["id"] as? String))
            jam.maju(3600)
        }
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func halaman(_ username: String, _ jalur: String = "/laporan") async throws -> String {
        let b = Peramban(app)
        try await b.masuk(username, "sandiuji12345")
        return try await b.get(jalur).body.string
    }

    func urutan(_ html: String) -> [String] {
        ["Pertama", "Kedua", "Ketiga"].compactMap { j in html.range(of: ">\(j)</a>").map { (j, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    func testSetiapPeranMembukaTabTugasnyaDenganJumlahDanYangTerlamaDulu() async throws {
        // the office opens on "Masuk", oldest first
        var html = try await halaman("verif")
        XCTAssertTrue(html.contains(#"<a href="/laporan?status=masuk" aria-current="page">Masuk (3)</a>"#), html)
        XCTAssertEqual(urutan(html), ["Pertama", "Kedua", "Ketiga"], "the nearest deadline on top")
        XCTAssertTrue(html.contains(#"<th scope="col">Diterima</th>"#))
        XCTAssertTrue(html.contains(#"<td data-label="Status">"#) && html.contains(#"<td data-label="Tenggat">"#), "labelled for the phone's cards")
        XCTAssertTrue(html.contains(" WIB · verifikasi oleh verifikator"), "each deadline says whose it is")
        // "Semua" is newest first
        html = try await halaman("verif", "/laporan?status=semua")
        XCTAssertTrue(html.contains(#"aria-current="page">Semua</a>"#))
        XCTAssertEqual(urutan(html), ["Ketiga", "Kedua", "Pertama"])

        // act: one forwarded to DPUPR, one asked for clarification
        let v = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id[0])/transisi", json: #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id[0])/transisi", json: #"{"ke":"diteruskan","opd":["dpupr"],"catatan":"x"}"#)
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id[1])/transisi", json: #"{"ke":"klarifikasi","catatan":"Di mana?"}"#)
        // check: each opens on what waits for it
        html = try await halaman("dpupr")
        XCTAssertTrue(html.contains(#"aria-current="page">Menunggu Anda (1)</a>"#), html)
        XCTAssertEqual(urutan(html), ["Pertama"])
        XCTAssertTrue(html.contains(" WIB · tanggapan oleh OPD"))
        html = try await halaman("pengurus")
        XCTAssertTrue(html.contains(#"aria-current="page">Menunggu jawaban Anda (1)</a>"#), html)
        XCTAssertEqual(urutan(html), ["Kedua"])
        html = try await halaman("verif")
        XCTAssertTrue(html.contains(#"Masuk (1)</a>"#) && html.contains(#"Klarifikasi (1)</a>"#))
    }

    /// Issue 19: /laporan/terlambat is paged (it was 3.5 MB at kabupaten scale): a tab per stage
    /// with its count, fifty rows a page, the longest overdue first.
    func testDaftarTerlambatBerhalaman() async throws {
        // setup: 51 more laporan, then a fortnight passes
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        for i in 1...(LaporanWeb.ukuranTerlambat - 2) {
            let r = try await p.kirim(.POST, "/api/v1/laporan", json: """
            {"kategori":"infrastruktur","judul":"Lagi \(i)","isi":"x","kode_wilayah":"36.04.05.2001","kerahasiaan":"biasa","sumber":"pengamatan_langsung","jawaban":{}}
            """)
            XCTAssertEqual(r.status, .created)
        }
        jam.maju(14 * 86_400)
        // act
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        let satu = try await v.get("/laporan/terlambat").body.string
        let dua = try await v.get("/laporan/terlambat?tahap=verifikasi&halaman=2").body.string
        // check
        XCTAssertTrue(satu.contains(#"<span id="jumlah-terlambat">51</span>"#), satu)
        XCTAssertTrue(satu.contains(#"aria-current="page">Verifikasi (51)</a>"#))
        XCTAssertEqual(satu.components(separatedBy: #"<td data-label="Nomor">"#).count - 1, LaporanWeb.ukuranTerlambat)
        XCTAssertTrue(satu.contains(#"<a href="/laporan/terlambat?tahap=verifikasi&amp;halaman=2" rel="next">"#), satu)
        XCTAssertEqual(urutan(satu).first, "Pertama", "the longest overdue first")
        XCTAssertEqual(dua.components(separatedBy: #"<td data-label="Nomor">"#).count - 1, 1)
        XCTAssertTrue(dua.contains(#"rel="prev""#) && !dua.contains(#"rel="next""#))
        XCTAssertTrue(dua.contains("51–51 dari 51"))
    }
}
