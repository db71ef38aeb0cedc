import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19, "Tugas Anda": each role's home page shows its own work with correct counts and
/// one primary action; the public sees no tasks.
final class BerandaTests: XCTestCase {
    var app: Application!
    // Monday 2 March 2026, 10:00 WIB.
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-03-02T03:00:00Z")!)
    var kimAktif: KimModel!

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        // setup: one active KIM in Kramatwatu with its pengurus; one KIM there waiting for the
        // desa, one waiting for the kecamatan; a verifikator, an OPD, and both operators
        kimAktif = try await kim("36.04.05.2001", langkah: [.ajukan, .sahkanDesa, .sahkanKecamatan])
        try await kim("36.04.05.2002", langkah: [.ajukan])
        try await kim("36.04.05.2003", langkah: [.ajukan, .sahkanDesa])
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kimAktif)
        try await Uji.pengguna(app, "verif", .verifikator)
        try await Uji.pengguna(app, "dpupr", .opd, opd: "dpupr")
        try await Uji.pengguna(app, "op.desa", .operatorDesa, wilayah: "36.04.05.2002")
        try await Uji.pengguna(app, "op.kec", .operatorKecamatan, wilayah: "36.04.05")
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    @discardableResult
    func kim(_ kode: String, langkah: [AksiKim]) async throws -> KimModel {
        let k = try await Uji.kim(app, kode, lengkap: true)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()), aktor: Aktor(id: UUID(), penugasan: .admin))
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2026-02-27"))
        for a in langkah { _ = try await Uji.layananKim(app).transisi(k, aksi: a, data: sk, oleh: admin) }
        return k
    }

    /// The number on a task card, by its id.
    func jumlah(_ html: String, _ id: String) -> String? {
        guard let r = html.range(of: #"id="\#(id)">"#) else { return nil }
        let sisa = html[r.upperBound...]
        guard let a = sisa.range(of: #"<span class="jumlah-tugas">"#), let b = sisa[a.upperBound...].range(of: "</span>") else { return nil }
        return String(sisa[a.upperBound..<b.lowerBound])
    }

    func beranda(_ username: String, _ sandi: String = "sandiuji12345") async throws -> String {
        let b = Peramban(app)
        try await b.masuk(username, sandi)
        return try await b.get("/").body.string
    }

    func testSetiapPeranMelihatTugasnyaDenganJumlahYangBenar() async throws {
        // act: the pengurus sends three laporan; one is asked for clarification, one verified
        // and forwarded to DPUPR; a materi goes to the KIM; then a week passes
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        var id: [String] = []
        for i in 1...3 {
            let r = try await p.kirim(.POST, "/api/v1/laporan", json: """
            {"kategori":"infrastruktur","judul":"Jalan rusak \(i)","isi":"Jalan desa berlubang.","kode_wilayah":"36.04.05.2001",
             "kerahasiaan":"biasa","sumber":"pengamatan_langsung","jawaban":{}}
            """)
            XCTAssertEqual(r.status, .created, r.body.string)
            id.append(try XCTUnwrap(try r.json()["id"] as? String))
        }
        let v = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id[0])/transisi", json: #"{"ke":"klarifikasi","catatan":"Di mana tepatnya?"}"#)
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id[1])/transisi", json: #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        let terus = try await v.kirim(.POST, "/api/v1/laporan/\(id[1])/transisi", json: #"{"ke":"diteruskan","opd":["dpupr"],"catatan":"x"}"#)
        XCTAssertEqual(terus.status, .ok, terus.body.string)
        let materi = try await v.kirim(.POST, "/api/v1/diseminasi", json: """
        {"judul":"Jadwal posyandu","ringkasan":"R","isi":"I","jenis":"layanan_publik","batas_waktu":"2026-03-09","sasaran":"semua"}
        """)
        XCTAssertEqual(materi.status, .created, materi.body.string)

        // check: the verifikator
        var html = try await beranda("verif")
        XCTAssertTrue(html.contains(#"<h1>Tugas Anda</h1>"#))
        XCTAssertTrue(html.contains(#"<a class="tombol" href="/laporan?status=masuk" id="aksi-utama">Verifikasi laporan masuk</a>"#))
        XCTAssertEqual(jumlah(html, "tugas-masuk"), "1", "one laporan not yet looked at")
        XCTAssertEqual(jumlah(html, "tugas-konfirmasi-kedua"), "0")
        XCTAssertEqual(jumlah(html, "tugas-terlambat"), "0")
        // the OPD
        html = try await beranda("dpupr")
        XCTAssertEqual(jumlah(html, "tugas-diteruskan"), "1")
        XCTAssertNil(jumlah(html, "tugas-masuk"), "no verification work")
        // the operators: each sees the KIM waiting for their own step
        html = try await beranda("op.desa")
        XCTAssertEqual(jumlah(html, "tugas-pengesahan"), "1")
        html = try await beranda("op.kec")
        XCTAssertEqual(jumlah(html, "tugas-pengesahan"), "1", "the desa-legalised one, not the one still with the desa")
        // the pengurus: its KIM, the materi with its deadline, the clarification asked
        html = try await beranda("pengurus")
        XCTAssertTrue(html.contains(#"<a class="tombol" href="/laporan/baru" id="aksi-utama">Kirim laporan</a>"#))
        XCTAssertTrue(html.contains("Catat kegiatan"))
        XCTAssertEqual(jumlah(html, "tugas-materi"), "1")
        XCTAssertTrue(html.contains("Jadwal posyandu — paling lambat Senin, 9 Maret 2026"), html)
        XCTAssertEqual(jumlah(html, "tugas-klarifikasi"), "1")
        XCTAssertTrue(html.contains("Aktif</a></h2>"), "the KIM's activity status")

        // act: ten days later the open laporan are past their deadlines
        jam.maju(10 * 86_400)
        html = try await beranda("verif")
        XCTAssertEqual(jumlah(html, "tugas-terlambat"), "3", "verification (2) and the OPD's answer (1), 8 working days on")
        XCTAssertTrue(html.contains(#"class="kartu kartu-mendesak" id="tugas-terlambat""#))
        html = try await beranda("dpupr")
        XCTAssertEqual(jumlah(html, "tugas-terlambat"), "1", "the OPD's own only")
        // the public sees what SIKIM is, no tasks
        let publik = try await app.sendRequest(.GET, "/").body.string
        XCTAssertFalse(publik.contains("Tugas Anda"))
        XCTAssertFalse(publik.contains("jumlah-tugas"))
    }
}
