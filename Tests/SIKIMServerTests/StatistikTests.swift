import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
import ZIPFoundation
@testable import SIKIMServer

/// A generated data set: the statistics API must equal counts taken directly from the rows.
final class StatistikServerTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!) // Monday

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testStatistikSamaDenganHitunganLangsung() async throws {
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        try await Uji.pengguna(app, "verif", .verifikator)
        let verif = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).filter(\.$username == "verif").first())
        let v = try verif.pelaku()
        let desa = try await WilayahModel.query(on: app.db).filter(\.$tingkat == "desa").sort(\.$id).limit(12).all()
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-18"))
        var pelapor: [Pelaku] = []
        for (i, w) in desa.enumerated() {
            let kim = try await Uji.kim(app, w.id!, lengkap: true)
            for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
            let p = try await Uji.pengguna(app, "pengurus\(i)", .pengurusKim, kim: kim)
            pelapor.append(try p.pelaku())
        }
        let layanan = Uji.layananLaporan(app)
        let kategori = ["lingkungan", "bencana", "infrastruktur", "pariwisata"]
        for i in 0..<30 {
            let p = pelapor[i % pelapor.count]
            var isian = IsianLaporan()
            (isian.kategori, isian.judul, isian.isi) = (kategori[i % 4], "Laporan \(i)", "Isi \(i)")
            isian.kodeWilayah = p.aktor.penugasan.kodeWilayah!.nilai
            let (m, _, _) = try await layanan.buat(isian, foto: [], oleh: p, kunci: nil)
            switch i % 5 {
            case 1: try await layanan.jalankan(.tolak, pada: m, data: .init(catatan: "x", alasan: .hoaks), oleh: v)
            case 2, 3:
                try await layanan.jalankan(.konfirmasi, pada: m, data: .init(catatan: "ok", metode: .cekLapangan), oleh: v)
                if i % 5 == 3 { try await layanan.jalankan(.teruskan, pada: m, data: .init(catatan: "tolong", opd: ["dlh"]), oleh: v) }
            default: break
            }
            jam.maju(3600)
        }
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let s = try await k.kirim(.GET, "/api/v1/statistik?dari=2026-04-01&sampai=2026-04-30").json()
        let laporan = try XCTUnwrap(s["laporan"] as? [String: Any])
        let semua = try await LaporanModel.query(on: app.db).all()
        XCTAssertEqual(laporan["jumlah"] as? Int, semua.count)
        let perStatus = try XCTUnwrap(laporan["per_status"] as? [String: Int])
        for st in StatusLaporan.allCases { XCTAssertEqual(perStatus[st.rawValue], semua.filter { $0.statusLaporan == st }.count, st.rawValue) }
        let perKategori = try XCTUnwrap(laporan["per_kategori"] as? [String: Int])
        for kat in kategori { XCTAssertEqual(perKategori[kat], semua.filter { $0.kodeKategori == kat }.count, kat) }
        let sla = try XCTUnwrap((laporan["sla"] as? [String: [String: Any]])?["verifikasi"])
        let diputuskan = semua.filter { [.tidakValid, .valid, .diteruskan].contains($0.statusLaporan) }.count
        XCTAssertEqual(sla["tepat"] as? Int, diputuskan, "all decided the same day")
        XCTAssertEqual(sla["berjalan"] as? Int, semua.filter { $0.statusLaporan == .masuk }.count)
        XCTAssertEqual(laporan["median_hari_verifikasi"] as? Double, 0)
        let kim = try XCTUnwrap(s["kim"] as? [String: Int])
        XCTAssertEqual(kim["disahkan"], 12)
        XCTAssertEqual(kim["aktif"], 12, "each reported in the period")
        let teraktif = try XCTUnwrap(s["kim_teraktif"] as? [[String: Any]])
        XCTAssertEqual(teraktif.first?["jumlah"] as? Int, 3, "30 laporan over 12 KIMs: the first six have three")
        let kosong = try await k.kirim(.GET, "/api/v1/statistik?dari=2026-05-01&sampai=2026-05-31").json()
        XCTAssertEqual((kosong["laporan"] as? [String: Any])?["jumlah"] as? Int, 0, "the period filters")
        let buruk = try await k.kirim(.GET, "/api/v1/statistik?dari=2026-05-31&sampai=2026-05-01")
        XCTAssertEqual(buruk.status, .badRequest)

        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let kimApril = try await KimModel.query(on: app.db).sort(\.$kodeWilayah).all()
        for (kim, jenis, tanggal) in [(kimApril[0], JenisKegiatan.pelatihan, "2026-04-02"), (kimApril[1], .pelatihan, "2026-04-20"),
                                      (kimApril[2], .liputan, "2026-04-30"), (kimApril[3], .liputan, "2026-03-31")] {
            let g = KegiatanModel()
            (g.$kim.id, g.jenis, g.tanggal, g.tempat, g.uraian) = (kim.id!, jenis.rawValue, tanggal, "Balai desa", "Uji")
            (g.dibuatOleh, g.dibuatPada) = (admin.aktor.id, jam.sekarang)
            try await g.create(on: app.db)
        }

        // the monthly recap: a printable page and a workbook whose sheets hold the month's rows
        let rekap = try await b.get("/rekap?bulan=2026-04").body.string
        XCTAssertTrue(rekap.contains("<tr><td>Laporan masuk</td><td>30</td></tr>"))
        XCTAssertTrue(rekap.contains("<tr><td>Kegiatan tercatat</td><td>3</td></tr>"), "March's kegiatan is not April's")
        XCTAssertTrue(rekap.contains("<tr><td>— Pelatihan</td><td>2</td></tr>"))
        XCTAssertTrue(rekap.contains("<tr><td>— Liputan</td><td>1</td></tr>"))
        XCTAssertTrue(rekap.contains("April 2026"))
        let xlsx = try await b.get("/rekap.xlsx?bulan=2026-04")
        XCTAssertEqual(xlsx.status, .ok)
        let arsip = try Archive(data: Data(xlsx.body.readableBytesView), accessMode: .read)
        func baris(_ n: Int) throws -> Int {
            var xml = Data()
            _ = try arsip.extract(try XCTUnwrap(arsip["xl/worksheets/sheet\(n).xml"])) { xml.append($0) }
            return String(decoding: xml, as: UTF8.self).components(separatedBy: "<row ").count - 1
        }
        XCTAssertEqual(try baris(1), 1 + 12, "KIM")
        XCTAssertEqual(try baris(2), 1 + 30, "laporan")
        XCTAssertEqual(try baris(3), 1, "no materi this month")
        XCTAssertEqual(try baris(4), 1 + 3, "kegiatan: April's three, the same as the page")
        let maret = try await b.get("/rekap.xlsx?bulan=2026-03")
        let arsipMaret = try Archive(data: Data(maret.body.readableBytesView), accessMode: .read)
        var xml = Data()
        _ = try arsipMaret.extract(try XCTUnwrap(arsipMaret["xl/worksheets/sheet2.xml"])) { xml.append($0) }
        XCTAssertEqual(String(decoding: xml, as: UTF8.self).components(separatedBy: "<row ").count - 1, 1, "March has no laporan")
        let bulanBuruk = try await b.get("/rekap?bulan=2026-13")
        XCTAssertEqual(bulanBuruk.status, .badRequest)

        for metrik in ["pembentukan", "aktivitas", "laporan", "diseminasi"] {
            let html = try await b.get("/dasbor?dari=2026-04-01&sampai=2026-04-30&peta=\(metrik)").body.string
            XCTAssertEqual(html.components(separatedBy: "<path ").count - 1, 29, metrik)
            XCTAssertTrue(html.contains(#"<p class="nilai" id="jumlah-laporan">30</p>"#), metrik)
        }
    }
}
