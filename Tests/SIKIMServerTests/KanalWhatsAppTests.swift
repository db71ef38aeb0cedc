import Fluent
import SIKIMCore
import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// WhatsApp end to end (issue 21), SIKIM in memory against the Cloud API stand-in on loopback:
/// a pengurus ties the number, reports with a photo and a location pin through the guided chat,
/// hears the verification; a redelivered webhook and a bad signature change nothing; a citizen
/// lands in triage; outside the 24-hour window the template goes.
final class KanalWhatsAppTests: XCTestCase {
    var o: ObrolanWhatsApp!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!)
    let nomorPengurus = "6281234567890"
    var app: Application { o.app }
    var wa: TiruanWhatsApp { o.wa }

    override func setUp() async throws { o = try await ObrolanWhatsApp(jam: jam) }
    override func tearDown() async throws { try await o.tutup() }

    @discardableResult
    func kirim(_ pesan: [String: Any], dari: String? = nil, id: String? = nil, tanda: String? = nil) async throws -> (XCTHTTPResponse, String) {
        try await o.kirim(pesan, dari: dari ?? nomorPengurus, id: id, tanda: tanda)
    }

    func balasan(sejak n: Int) async throws -> [TiruanWhatsApp.Terkirim] { try await o.balasan(sejak: n) }

    func testPengurusMelaporLewatObrolanDenganFotoDanLokasi() async throws {
        let p = try await o.pengurusTerhubung(nomorPengurus)
        var n = wa.kirimanSemua.count

        try await kirim(TiruanWhatsApp.teks("LAPOR Jalan desa berlubang besar di depan SD Negeri 1, membahayakan anak sekolah"))
        var b = try await balasan(sejak: n)
        XCTAssertEqual(b.map(\.jenis), ["interactive"], "the categories come as a list")
        XCTAssertTrue(b[0].teks.contains("Pilih kategori"))
        n = wa.kirimanSemua.count

        try await kirim(TiruanWhatsApp.daftar("kategori:infrastruktur", "Infrastruktur"))
        b = try await balasan(sejak: n)
        XCTAssertTrue(b.first?.teks.contains("Kirim foto") ?? false, "\(b.map(\.teks))")
        n = wa.kirimanSemua.count

        wa.simpanMedia("MEDIA1", GambarUji.jpegExif)
        try await kirim(TiruanWhatsApp.foto("MEDIA1"))
        b = try await balasan(sejak: n)
        XCTAssertTrue(b.first?.teks.contains("Foto ke-1 diterima") ?? false, "\(b.map(\.teks))")
        n = wa.kirimanSemua.count

        try await kirim(TiruanWhatsApp.teks("lanjut"))
        b = try await balasan(sejak: n)
        XCTAssertTrue(b.first?.teks.contains("Kirim lokasi") ?? false, "\(b.map(\.teks))")
        n = wa.kirimanSemua.count

        try await kirim(TiruanWhatsApp.lokasi(-6.0652, 106.1190))
        b = try await balasan(sejak: n)
        XCTAssertEqual(b.first?.jenis, "interactive", "confirm with buttons")
        XCTAssertTrue(b.first?.teks.contains("Desa: Kramatwatu") ?? false, "the pin's desa: \(b.map(\.teks))")
        n = wa.kirimanSemua.count

        let (_, idYa) = try await kirim(TiruanWhatsApp.tombol("ya", "Kirim"))
        b = try await balasan(sejak: n)
        let laporan = try await LaporanModel.query(on: app.db).all()
        XCTAssertEqual(laporan.count, 1)
        let m = try XCTUnwrap(laporan.first)
        XCTAssertEqual(b.map(\.teks), [KabarKanal.laporanTercatat(m.nomor)])
        XCTAssertEqual(m.kanal, "whatsapp")
        XCTAssertEqual(m.nomorPengirim, "+" + nomorPengurus)
        XCTAssertEqual(m.pelaporID, p.id)
        XCTAssertEqual(m.kodeWilayah, "36.04.05.2001")
        XCTAssertEqual(m.kodeKategori, "infrastruktur")
        XCTAssertEqual(m.lat ?? 0, -6.0652, accuracy: 1e-6)
        let foto = try await FotoLaporanModel.query(on: app.db).filter(\.$laporan.$id == m.id!).all()
        XCTAssertEqual(foto.count, 1, "the photo came along")
        let simpan = try XCTUnwrap(FileManager.default.contents(atPath: app.sikim.direktoriData + "/foto/" + foto[0].berkas))
        XCTAssertEqual([UInt8](simpan), try MetadataGambar.bersihkan(GambarUji.jpegExif, jenis: .jpeg), "the photo's EXIF (its location) is stripped")
        n = wa.kirimanSemua.count

        // Meta redelivers the confirmation: nothing changes, nothing is sent again.
        let (ulang, _) = try await kirim(TiruanWhatsApp.tombol("ya", "Kirim"), id: idYa)
        XCTAssertEqual(ulang.status, .ok)
        let jumlahLaporan = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(jumlahLaporan, 1)
        b = try await balasan(sejak: n)
        XCTAssertEqual(b.count, 0)

        // The verifikator confirms: the reporter hears it in the chat.
        let v = try await Uji.pengguna(app, "verif", .verifikator)
        let layanan = LayananLaporan(l: app.lingkungan)
        try await layanan.jalankan(.konfirmasi, pada: try await layanan.satu(m.id, untuk: try v.aktor()),
                                   data: DataAksiLaporan(catatan: "Dicek langsung ke lokasi", metode: .cekLapangan), oleh: try v.pelaku())
        b = try await balasan(sejak: n)
        XCTAssertEqual(b.map(\.jenis), ["text"])
        XCTAssertTrue(b.first?.teks.contains("\(m.nomor) sudah diverifikasi") ?? false, "\(b.map(\.teks))")
        n = wa.kirimanSemua.count

        // A day later the window is closed: the next update goes as the approved template.
        jam.maju(25 * 3600)
        try await layanan.jalankan(.teruskan, pada: try await layanan.satu(m.id, untuk: try v.aktor()),
                                   data: DataAksiLaporan(catatan: "Mohon diperbaiki", opd: ["dpupr"]), oleh: try v.pelaku())
        b = try await balasan(sejak: n)
        XCTAssertEqual(b.map(\.jenis), ["template"])
        XCTAssertTrue(b.first?.teks.contains("diteruskan kepada") ?? false, "\(b.map(\.teks))")

        // STATUS answers the reporter's number.
        n = wa.kirimanSemua.count
        try await kirim(TiruanWhatsApp.teks("status \(m.nomor)"))
        b = try await balasan(sejak: n)
        XCTAssertTrue(b.first?.teks.hasPrefix("Laporan \(m.nomor): Diteruskan") ?? false, "\(b.map(\.teks))")
    }

    func testTandaTanganSalahDitolakTanpaMenyimpan() async throws {
        let (tanpa, _) = try await kirim(TiruanWhatsApp.teks("halo"), tanda: "")
        XCTAssertEqual(tanpa.status, .unauthorized)
        let (salah, _) = try await kirim(TiruanWhatsApp.teks("halo"), tanda: TiruanWhatsApp.tandaTangan(Data("lain".utf8)))
        XCTAssertEqual(salah.status, .unauthorized)
        let jumlah = try await PesanKanalModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0)
    }

    func testJabatTanganVerifikasi() async throws {
        let ok = try await app.sendRequest(.GET, "/api/v1/kanal/whatsapp?hub.mode=subscribe&hub.verify_token=\(TiruanWhatsApp.tokenVerifikasi)&hub.challenge=1158201444")
        XCTAssertEqual(ok.status, .ok)
        XCTAssertEqual(ok.body.string, "1158201444")
        let salah = try await app.sendRequest(.GET, "/api/v1/kanal/whatsapp?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1")
        XCTAssertEqual(salah.status, .forbidden)
    }

    func testPesanWargaMasukTriaseDanDijawabSekali() async throws {
        try await kirim(TiruanWhatsApp.teks("Pak, ada pabrik buang limbah ke sungai Ciujung tiap malam"), dari: "6285711112222")
        try await kirim(TiruanWhatsApp.teks("Sudah seminggu baunya menyengat"), dari: "6285711112222")
        let triase = try await PesanKanalModel.query(on: app.db).filter(\.$status == "triase").count()
        XCTAssertEqual(triase, 2)
        let b = try await balasan(sejak: 0)
        XCTAssertEqual(b.map(\.teks), [KabarKanal.pesanWargaDiterima], "acknowledged once, not per message")
        let laporan = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(laporan, 0, "a citizen's message is never a laporan by itself")
    }
}

