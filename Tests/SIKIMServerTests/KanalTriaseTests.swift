import Fluent
import SIKIMCore
import SIKIMData
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 21: a citizen's chat message in the verifikator's triage inbox, turned into a laporan
/// (which then passes the verification gate like any other, the citizen told at each step) or
/// set aside with a reason; two verifikators at the same instant make one laporan. A pengurus
/// ties its number from the account page; a channel that is not configured is not there.
final class KanalTriaseTests: XCTestCase, @unchecked Sendable {
    var o: ObrolanWhatsApp!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!)
    let warga = "6285711112222"
    var app: Application { o.app }

    override func setUp() async throws { o = try await ObrolanWhatsApp(jam: jam) }
    override func tearDown() async throws { try await o.tutup() }

    /// A citizen writes with a photo and a location pin; returns the triage item with the photo.
    func pesanWarga() async throws -> PesanKanalModel {
        o.wa.simpanMedia("MEDIA-W", GambarUji.jpegExif)
        try await o.kirim(TiruanWhatsApp.teks("Pak, pabrik di Kramatwatu buang limbah hitam ke sungai tiap malam"), dari: warga)
        try await o.kirim(TiruanWhatsApp.foto("MEDIA-W"), dari: warga)
        let semua = try await PesanKanalModel.query(on: app.db).filter(\.$status == "triase").sort(\.$diterimaPada).all()
        XCTAssertEqual(semua.count, 2)
        let terima = try await o.balasan(sejak: 0)
        XCTAssertEqual(terima.map(\.teks), [KabarKanal.pesanWargaDiterima], "acknowledged once")
        return try XCTUnwrap(semua.first { $0.berkas != nil })
    }

    func testVerifikatorMenjadikanLaporanLewatHalaman() async throws {
        // setup
        let foto = try await pesanWarga()
        try await Uji.pengguna(app, "verif", .verifikator)
        let b = Peramban(app)
        try await b.masuk("verif", "sandiuji12345")
        let n = o.jumlahTerkirim

        // act: the inbox, the message, a refused form that keeps what was typed, then the laporan
        let daftar = try await b.get("/pesan-masuk")
        XCTAssertEqual(daftar.status, .ok)
        XCTAssertTrue(daftar.body.string.contains("0857-1111-2222"), "staff see who wrote")
        XCTAssertTrue(daftar.body.string.contains("Menunggu: <strong>2</strong>"), daftar.body.string)
        let halaman = try await b.get("/pesan-masuk/\(foto.id!)?kategori=lingkungan")
        XCTAssertEqual(halaman.status, .ok)
        XCTAssertTrue(halaman.body.string.contains("/pesan-masuk/\(foto.id!)/foto"))
        let gambar = try await b.get("/pesan-masuk/\(foto.id!)/foto")
        XCTAssertEqual(Array(gambar.body.readableBytesView), try MetadataGambar.bersihkan(GambarUji.jpegExif, jenis: .jpeg), "stored without its EXIF")
        var isian = Peramban.tersembunyi(halaman.body.string)
        (isian["judul"], isian["isi"]) = ("Limbah pabrik ke sungai", "Warga melihat limbah hitam dibuang ke sungai tiap malam.")
        let salah = try await b.post("/pesan-masuk/\(foto.id!)/laporan", isian)
        XCTAssertEqual(salah.status, .unprocessableEntity)
        XCTAssertTrue(salah.body.string.contains("value=\"Limbah pabrik ke sungai\""), "a refused form keeps what was typed")
        isian["kode_wilayah"] = "36.04.05.2001"
        let jadi = try await b.post("/pesan-masuk/\(foto.id!)/laporan", isian)

        // check: one laporan, at the gate, with the photo and where it came from; the citizen told
        XCTAssertEqual(jadi.status, .seeOther, jadi.body.string)
        let m = try await XCTUnwrapAsync(await LaporanModel.query(on: app.db).first())
        XCTAssertEqual(jadi.headers.first(name: .location), "/laporan/\(m.id!)")
        XCTAssertEqual(m.statusLaporan, .masuk, "a citizen's message passes the same gate")
        XCTAssertEqual(m.kanal, "whatsapp")
        XCTAssertEqual(m.nomorPengirim, "+" + warga)
        XCTAssertEqual(m.sumber, "informasi_warga")
        let jumlahFoto = try await FotoLaporanModel.query(on: app.db).filter(\.$laporan.$id == m.id!).count()
        XCTAssertEqual(jumlahFoto, 1)
        let item = try await XCTUnwrapAsync(await PesanKanalModel.find(foto.id, on: app.db))
        XCTAssertEqual(item.status, "dijadikan")
        XCTAssertEqual(item.laporanID, m.id)
        var kabar = try await o.balasan(sejak: n)
        XCTAssertEqual(kabar.map(\.teks), [KabarKanal.pesanDijadikanLaporan(m.nomor)])
        let detail = try await b.get("/laporan/\(m.id!)")
        XCTAssertTrue(detail.body.string.contains("0857-1111-2222"), "staff see the number on the laporan")

        // The citizen may ask after its own laporan; another number learns nothing.
        try await o.kirim(TiruanWhatsApp.teks("STATUS \(m.nomor)"), dari: warga)
        try await o.kirim(TiruanWhatsApp.teks("STATUS \(m.nomor)"), dari: "6285799990000")
        kabar = try await o.balasan(sejak: n + 1)
        XCTAssertEqual(kabar.map(\.teks), ["Laporan \(m.nomor): Masuk. Sedang diverifikasi petugas.", KabarKanal.statusTidakAda(m.nomor)])
        let lain = try await PesanKanalModel.query(on: app.db).filter(\.$pengirim == "+6285799990000").first()
        XCTAssertEqual(lain?.status, "diproses", "a status question is not a triage item")

        // Another verifikator checks it (who took it in may not: four eyes); the citizen hears the outcome.
        let layanan = LayananLaporan(l: app.lingkungan)
        let v = try await Uji.pengguna(app, "verif2", .verifikator)
        try await layanan.jalankan(.tolak, pada: try await layanan.satu(m.id, untuk: try v.aktor()),
                                   data: DataAksiLaporan(catatan: "Sudah dicek, tidak ada pabrik di lokasi", alasan: .tidakTerbukti), oleh: try v.pelaku())
        kabar = try await o.balasan(sejak: n + 3)
        XCTAssertEqual(kabar.map(\.teks), ["Laporan \(m.nomor) dinyatakan tidak valid. Alasan: Tidak terbukti. Informasi yang belum terverifikasi tidak ditindaklanjuti."])
    }

    func testDuaVerifikatorSerentakSatuLaporan() async throws {
        // setup
        let pesan = try await pesanWarga()
        var masuk: [String] = []
        for v in ["verif1", "verif2"] {
            try await Uji.pengguna(app, v, .verifikator)
            let t = try await KlienAPI.masuk(app, v, "sandiuji12345").token
            masuk.append(try XCTUnwrap(t))
        }
        let token = masuk
        let peladen = try await PeladenUji.mulai(app)
        do {
            // act: both take the same message, released at the same instant
            let json = #"{"versi":\#(pesan.versi),"laporan":{"kategori":"lingkungan","judul":"Limbah","isi":"Limbah ke sungai","kode_wilayah":"36.04.05.2001"}}"#
            let j = try await peladen.serentak(2) { i in
                try await peladen.kirim(.POST, "/api/v1/pesan-masuk/\(pesan.id!)/laporan", token: token[i], json: json)
            }
            // check
            XCTAssertEqual(j.map(\.status).sorted(), [201, 409], j.map(\.badan).joined(separator: "\n"))
            let jumlah = try await LaporanModel.query(on: app.db).count()
            XCTAssertEqual(jumlah, 1)

            // One takes the other message in while the other sets it aside, at the same instant: one decision.
            let lain = try await XCTUnwrapAsync(await PesanKanalModel.query(on: app.db).filter(\.$status == "triase").first())
            let k = try await peladen.serentak(2) { i in
                i == 0 ? try await peladen.kirim(.POST, "/api/v1/pesan-masuk/\(lain.id!)/laporan", token: token[0],
                                                 json: json.replacingOccurrences(of: "\"versi\":\(pesan.versi)", with: "\"versi\":\(lain.versi)"))
                       : try await peladen.kirim(.POST, "/api/v1/pesan-masuk/\(lain.id!)/abaikan", token: token[1],
                                                 json: #"{"alasan":"duplikat","versi":\#(lain.versi)}"#)
            }
            XCTAssertEqual(k.filter { $0.status == 409 }.count, 1, k.map { "\($0.status) \($0.badan)" }.joined(separator: "\n"))
            XCTAssertTrue(k.contains { [201, 204].contains($0.status) })
            let akhir = try await PesanKanalModel.find(lain.id, on: app.db)
            let laporanAkhir = try await LaporanModel.query(on: app.db).count()
            XCTAssertEqual(akhir?.status == "dijadikan" ? 2 : 1, laporanAkhir, "the message's state and the laporan agree")
        } catch {
            try? await peladen.tutup()
            throw error
        }
        try await peladen.tutup()
    }

    func testAbaikanDenganAlasanDanPengirimDiberiTahu() async throws {
        let pesan = try await pesanWarga()
        try await Uji.pengguna(app, "verif", .verifikator)
        let b = Peramban(app)
        try await b.masuk("verif", "sandiuji12345")
        let halaman = try await b.get("/pesan-masuk/\(pesan.id!)")
        let n = o.jumlahTerkirim
        let tanpa = try await b.post("/pesan-masuk/\(pesan.id!)/abaikan", ["versi": "\(pesan.versi)"])
        XCTAssertEqual(tanpa.status, .unprocessableEntity)
        XCTAssertTrue(tanpa.body.string.contains("Pilih alasan"))
        let ok = try await b.post("/pesan-masuk/\(pesan.id!)/abaikan", ["versi": "\(pesan.versi)", "alasan": "bukan_wewenang_daerah", "_csrf": Peramban.csrfDari(halaman.body.string) ?? ""])
        XCTAssertEqual(ok.status, .seeOther)
        let kabar = try await o.balasan(sejak: n)
        XCTAssertEqual(kabar.map(\.teks), [AlasanAbaikanPesan.bukanWewenang.balasan!])
        let lagi = try await b.post("/pesan-masuk/\(pesan.id!)/abaikan", ["versi": "\(pesan.versi)", "alasan": "spam"])
        XCTAssertEqual(lagi.status, .conflict, "already handled: 409, not a second decision")
        let sisa = try await PesanKanalModel.query(on: app.db).filter(\.$status == "triase").count()
        XCTAssertEqual(sisa, 1)
    }

    func testPengurusMenghubungkanNomorDariHalamanAkun() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001")
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/akun")
        let salah = try await b.post("/akun/nomor", ["nomor": "12345"])
        XCTAssertEqual(salah.status, .unprocessableEntity)
        XCTAssertTrue(salah.body.string.contains("value=\"12345\""), "the typed number stays")
        let res = try await b.post("/akun/nomor", ["nomor": "0812-3456-7890"])
        let kode = try XCTUnwrap(res.body.string.range(of: #"DAFTAR [0-9]{6}"#, options: .regularExpression).map { String(res.body.string[$0]) })
        let n = o.jumlahTerkirim
        try await o.kirim(TiruanWhatsApp.teks("daftar 000000"), dari: "6281234567890")
        try await o.kirim(TiruanWhatsApp.teks(kode), dari: "6281234567890")
        let b2 = try await o.balasan(sejak: n)
        XCTAssertTrue(b2[0].teks.hasPrefix("Kode tidak cocok"), "a wrong code ties nothing")
        XCTAssertTrue(b2[1].teks.contains("terhubung"))

        // Five wrong tries (a forged sender guessing) kill a pending code: the right one no longer works.
        try await b.get("/akun")
        let lain = try await b.post("/akun/nomor", ["nomor": "0812-0000-1111"])
        let kodeLain = try XCTUnwrap(lain.body.string.range(of: #"DAFTAR [0-9]{6}"#, options: .regularExpression).map { String(lain.body.string[$0]) })
        for i in 0..<5 { try await o.kirim(TiruanWhatsApp.teks("DAFTAR 99999\(i)"), dari: "6281200001111") }
        let m = o.jumlahTerkirim
        try await o.kirim(TiruanWhatsApp.teks(kodeLain), dari: "6281200001111")
        let b3 = try await o.balasan(sejak: m)
        XCTAssertTrue(b3.last?.teks.hasPrefix("Kode tidak cocok") ?? false, "\(b3.map(\.teks))")
        let akun = try await b.get("/akun")
        XCTAssertTrue(akun.body.string.contains("0812-3456-7890: Terhubung sejak"), akun.body.string)

        // KEGIATAN from the phone: recorded once, a redelivery changes nothing.
        let (_, id) = try await o.kirim(TiruanWhatsApp.teks("KEGIATAN Rapat pengurus bulanan"), dari: "6281234567890")
        try await o.kirim(TiruanWhatsApp.teks("KEGIATAN Rapat pengurus bulanan"), dari: "6281234567890", id: id)
        let kegiatan = try await KegiatanModel.query(on: app.db).all()
        XCTAssertEqual(kegiatan.map(\.uraian), ["Rapat pengurus bulanan"])
        XCTAssertEqual(kegiatan.first?.tanggal, "2026-04-06")
    }

    func testKanalMatiTidakAdaRuteDanTidakMengantre() async throws {
        let mati = try await Uji.app(jam: jam)
        do {
            for (m, p) in [(HTTPMethod.GET, "/api/v1/kanal/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1"),
                           (.POST, "/api/v1/kanal/whatsapp"), (.GET, "/api/v1/kanal/sms/x?from=0812&text=hai"), (.POST, "/api/v1/kanal/sms/x")] {
                let res = try await mati.sendRequest(m, p, headers: ["Content-Type": "application/json"], body: ByteBuffer(string: "{}"))
                XCTAssertEqual(res.status, .notFound, p)
            }
            // A laporan that once came by chat, acted on while the channel is off: nothing queued.
            let kim = try await Uji.kim(mati, "36.04.05.2001")
            let p = try await Uji.pengguna(mati, "pengurus", .pengurusKim, kim: kim)
            var isian = IsianLaporan()
            (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = ("lingkungan", "Sungai", "Hitam", "36.04.05.2001")
            let layanan = LayananLaporan(l: mati.lingkungan)
            let (m, _, _) = try await layanan.buat(isian, foto: [], oleh: try p.pelaku(), kunci: nil,
                                                   asal: AsalLaporan(kanal: .sms, nomorPengirim: "+6281234567890"))
            try await layanan.jalankan(.tolak, pada: m, data: DataAksiLaporan(catatan: "x", alasan: .hoaks), oleh: try (try await Uji.pengguna(mati, "verif", .verifikator)).pelaku())
            let antre = try await KirimanKanalModel.query(on: mati.db).count()
            XCTAssertEqual(antre, 0)
            let b = Peramban(mati)
            try await b.masuk("pengurus", "sandiuji12345")
            try await b.get("/akun")
            let kode = try await b.post("/akun/nomor", ["nomor": "0812-3456-7890"])
            XCTAssertEqual(kode.status, .unprocessableEntity)
            XCTAssertTrue(kode.body.string.contains("belum diaktifkan"))
        } catch {
            try? await Uji.tutup(mati)
            throw error
        }
        try await Uji.tutup(mati)
    }
}
