import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class DiseminasiServerTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-05-04T03:00:00Z")!)
    var kimA: KimModel!, kimB: KimModel!

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-18"))
        kimA = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        kimB = try await Uji.kim(app, "36.04.06.2001", lengkap: true)
        for k in [kimA!, kimB!] {
            for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(k, aksi: a, data: sk, oleh: admin) }
        }
        try await Uji.pengguna(app, "pengurus.a", .pengurusKim, kim: kimA)
        try await Uji.pengguna(app, "pengurus.b", .pengurusKim, kim: kimB)
        try await Uji.pengguna(app, "verif", .verifikator)
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func testMateriUntukSatuKecamatanDibacaDanDisebarkan() async throws {
        let verif = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        let terbit = try await verif.kirim(.POST, "/api/v1/diseminasi", json: """
        {"judul":"Jadwal vaksinasi polio","ringkasan":"Pekan imunisasi","isi":"Vaksinasi di posyandu 11–15 Mei.","jenis":"layanan_publik",
         "batas_waktu":"2026-05-11","sasaran":"kecamatan","kecamatan":["36.04.05"]}
        """)
        XCTAssertEqual(terbit.status, .created, terbit.body.string)
        let id = try idKim(terbit)
        XCTAssertEqual((try terbit.json()["cakupan"] as? [String: Any])?["sasaran"] as? Int, 1)

        let b = try await KlienAPI.masuk(app, "pengurus.b", "sandiuji12345")
        let bukanB = try await b.kirim(.GET, "/api/v1/diseminasi").data()
        XCTAssertTrue(bukanB.isEmpty, "only materi targeted at its own KIM")
        let detailB = try await b.kirim(.GET, "/api/v1/diseminasi/\(id)")
        XCTAssertEqual(detailB.status, .notFound)

        let a = try await KlienAPI.masuk(app, "pengurus.a", "sandiuji12345")
        let daftar = try await a.kirim(.GET, "/api/v1/diseminasi").data()
        XCTAssertEqual(daftar.first?["status_saya"] as? String, "terkirim")
        let buka = try await a.kirim(.GET, "/api/v1/diseminasi/\(id)").json()
        XCTAssertEqual(buka["status_saya"] as? String, "dibaca", "opening it marks it read")
        let salah = try await a.kirim(.POST, "/api/v1/diseminasi/\(id)/laporan", json: #"{"saluran":[],"tanggal":"2026-05-01","jangkauan":0}"#)
        XCTAssertEqual(salah.status, .unprocessableEntity)
        let lapor = try await a.kirim(.POST, "/api/v1/diseminasi/\(id)/laporan",
                                      json: #"{"saluran":["grup_whatsapp","pengajian"],"tanggal":"2026-05-04","jangkauan":240}"#)
        XCTAssertEqual(try lapor.json()["status_saya"] as? String, "disebarkan")

        let lihat = try await verif.kirim(.GET, "/api/v1/diseminasi/\(id)").json()
        let cakupan = try XCTUnwrap(lihat["cakupan"] as? [String: Int])
        XCTAssertEqual(cakupan["persen"], 100)
        XCTAssertEqual(cakupan["jangkauan"], 240)
        let dilarangTerbit = try await a.kirim(.POST, "/api/v1/diseminasi", json: #"{"judul":"x"}"#)
        XCTAssertEqual(dilarangTerbit.status, .forbidden)

        // dissemination is activity: the KIM stays active
        jam.maju(20 * 86_400)
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let kim = try await admin.kirim(.GET, "/api/v1/kim/\(kimA.id!)").json()
        XCTAssertEqual(kim["aktivitas_terakhir"] as? String, "2026-05-04")
        XCTAssertEqual(kim["status_aktivitas"] as? String, "aktif")
    }

    func testLampiranMateriDanFotoPenyebaran() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        let pdf = Array("%PDF-1.4 jadwal".utf8)
        let terbit = try await v.unggah("/diseminasi", berkas: pdf, namaBerkas: "jadwal.pdf", tipe: "application/pdf",
                                        bidang: ["judul": "Jadwal posyandu", "ringkasan": "Jadwal", "isi": "Lihat lampiran", "jenis": "layanan_publik",
                                                 "batas_waktu": "2026-05-10", "sasaran": "semua", "langkah": "terbitkan"], namaBidang: "lampiran[]")
        XCTAssertEqual(terbit.status, .seeOther, terbit.body.string)
        let lokasi = try XCTUnwrap(terbit.headers.first(name: .location))
        let p = Peramban(app)
        try await p.masuk("pengurus.a", "sandiuji12345")
        let html = try await p.get(lokasi).body.string
        let r = try XCTUnwrap(html.range(of: #"/diseminasi/[^"]+/berkas/[^"]+"#, options: .regularExpression))
        let unduh = try await p.get(String(html[r]))
        XCTAssertEqual(Array(unduh.body.readableBytesView), pdf)
        let png = GambarUji.png
        let lapor = try await p.unggah(lokasi + "/laporan", berkas: png, namaBerkas: "pengajian.png", tipe: "image/png",
                                       bidang: ["saluran[]": "pengajian", "tanggal": "2026-05-04", "jangkauan": "75"], namaBidang: "foto[]")
        XCTAssertEqual(lapor.status, .seeOther, lapor.body.string)
        let foto = try await XCTUnwrapAsync(await BerkasMateriModel.query(on: app.db).filter(\.$penerimaID != nil).first())
        XCTAssertEqual(foto.tipeMime, "image/png")
        let urlFoto = lokasi + "/berkas/\(foto.id!)"
        let kantor = try await v.get(urlFoto)
        XCTAssertEqual(Array(kantor.body.readableBytesView), try MetadataGambar.bersihkan(png, jenis: .png), "stored without its text chunks")
        let b = Peramban(app)
        try await b.masuk("pengurus.b", "sandiuji12345")
        let lain = try await b.get(urlFoto)
        XCTAssertEqual(lain.status, .notFound, "another KIM's report photo is not theirs")
    }

    // MARK: Issue 19: a target that cannot surprise

    let materi = ["judul": "Jadwal posyandu", "ringkasan": "Jadwal", "isi": "Posyandu tiap Senin.", "jenis": "layanan_publik",
                  "batas_waktu": "2026-05-10"]

    /// The target chosen survives an error; the step after the form tells how many KIMs it
    /// reaches and publishes nothing; confirming reaches exactly that kecamatan's KIMs.
    func testSasaranKecamatanBertahanSetelahGalatLaluDikonfirmasi() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        // act: a kecamatan target with none ticked
        let galat = try await v.post("/diseminasi", materi.merging(["sasaran": "kecamatan"]) { a, _ in a })
        XCTAssertEqual(galat.status, .unprocessableEntity)
        var html = galat.body.string
        XCTAssertTrue(html.contains("Pilih minimal satu kecamatan sasaran."))
        XCTAssertTrue(html.contains(#"value="kecamatan" checked"#), "the target stays where it was")
        XCTAssertFalse(html.contains(#"value="semua" checked"#))
        XCTAssertTrue(html.contains(#"value="Jadwal posyandu""#))
        XCTAssertTrue(html.contains(#"name="batas_waktu" type="date" value="2026-05-10""#), "the date stays too")
        XCTAssertTrue(html.contains("Kramatwatu (1 KIM)"), "each kecamatan shows its active KIMs")
        XCTAssertTrue(html.contains(", Kec. Kramatwatu)</label>"), "a KIM is named with its desa and kecamatan")
        // act: ticked, then checked
        let pilih = materi.merging(["sasaran": "kecamatan", "kecamatan[]": "36.04.05"]) { a, _ in a }
        let periksa = try await v.post("/diseminasi", pilih)
        XCTAssertEqual(periksa.status, .ok)
        html = periksa.body.string
        XCTAssertTrue(html.contains(#"akan dikirim ke <strong id="jumlah-sasaran">1 KIM</strong>"#), html)
        XCTAssertTrue(html.contains(#"<td>Kramatwatu</td><td class="angka">1</td>"#), html)
        let belum = try await MateriModel.query(on: app.db).count()
        XCTAssertEqual(belum, 0, "nothing is sent before the confirmation")
        // act: confirmed, with what the confirmation page carries
        let dibawa = Peramban.tersembunyi(html)
        XCTAssertEqual(dibawa.filter { $0.key != "_csrf" }, pilih.merging(["jumlah_sasaran": "1"]) { a, _ in a })
        let kirim = try await v.post("/diseminasi", dibawa.merging(["langkah": "terbitkan"]) { a, _ in a })
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let penerima = try await PenerimaMateriModel.query(on: app.db).all()
        XCTAssertEqual(penerima.map(\.$kim.id), [kimA.id!], "exactly the kecamatan's KIMs")
    }

    /// A target that reaches another number of KIMs than the one confirmed is shown again.
    func testJumlahYangBerubahSejakDikonfirmasiDitolak() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        let res = try await v.post("/diseminasi", materi.merging(["sasaran": "semua", "langkah": "terbitkan", "jumlah_sasaran": "1"]) { a, _ in a })
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("berubah dari 1 menjadi 2"), res.body.string)
        let ada = try await MateriModel.query(on: app.db).count()
        XCTAssertEqual(ada, 0)
        let api = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        let j = try await api.kirim(.POST, "/api/v1/diseminasi", json: """
        {"judul":"Jadwal","ringkasan":"R","isi":"I","jenis":"layanan_publik","batas_waktu":"2026-05-10","sasaran":"semua","jumlah_sasaran":3}
        """)
        XCTAssertEqual(j.status, .unprocessableEntity, "the API takes the same guard")
    }

    /// An attachment sent with a form that failed is kept for this session and used on the
    /// next send; another session cannot name it.
    func testLampiranTetapTerlampirSetelahGalat() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        let pdf = Array("%PDF-1.4 jadwal".utf8)
        let galat = try await v.unggah("/diseminasi", berkas: pdf, namaBerkas: "jadwal.pdf", tipe: "application/pdf",
                                       bidang: materi.merging(["judul": "", "sasaran": "semua"]) { _, baru in baru }, namaBidang: "lampiran[]")
        XCTAssertEqual(galat.status, .unprocessableEntity)
        XCTAssertTrue(galat.body.string.contains("Terlampir (tidak perlu dipilih lagi): jadwal.pdf"), galat.body.string)
        let r = try XCTUnwrap(galat.body.string.range(of: #"name="tertunda" value="[^"]+""#, options: .regularExpression))
        let kunci = String(galat.body.string[r].dropFirst(#"name="tertunda" value=""#.count).dropLast())
        // another session naming the key gets nothing of it
        let lain = Peramban(app)
        try await lain.masuk("admin", Uji.sandiAdmin)
        try await lain.get("/diseminasi/baru")
        let asing = try await lain.post("/diseminasi", materi.merging(["sasaran": "semua", "tertunda": kunci]) { a, _ in a })
        XCTAssertTrue(asing.body.string.contains(#"<dd id="terlampir">Tidak ada</dd>"#), asing.body.string)
        // the same session sends the form again without picking the file
        let ulang = materi.merging(["sasaran": "semua", "tertunda": kunci]) { a, _ in a }
        let periksa = try await v.post("/diseminasi", ulang)
        XCTAssertTrue(periksa.body.string.contains(#"<dd id="terlampir">jadwal.pdf</dd>"#), periksa.body.string)
        let kirim = try await v.post("/diseminasi", ulang.merging(["langkah": "terbitkan", "jumlah_sasaran": "2"]) { a, _ in a })
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let berkas = try await BerkasMateriModel.query(on: app.db).all()
        XCTAssertEqual(berkas.map(\.namaAsli), ["jadwal.pdf"])
        let sisa = try FileManager.default.subpathsOfDirectory(atPath: app.sikim.direktoriData + "/tertunda").filter { $0.hasSuffix("nama.json") }
        XCTAssertEqual(sisa, [], "used, then removed")
    }

    func testDiseminasiLewatBrowser() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        let terbit = try await v.post("/diseminasi", ["judul": "Waspada hoaks bansos", "ringkasan": "Klarifikasi", "isi": "Bansos tidak dipungut biaya.",
                                                      "jenis": "klarifikasi_hoaks", "batas_waktu": "2026-05-10", "sasaran": "semua",
                                                      "langkah": "terbitkan"])
        XCTAssertEqual(terbit.status, .seeOther, terbit.body.string)
        let lokasi = try XCTUnwrap(terbit.headers.first(name: .location))
        var html = try await v.get(lokasi).body.string
        XCTAssertTrue(html.contains(#"<p class="nilai" id="cakupan-persen">0% <small>0 dari 2</small></p>"#))

        let p = Peramban(app)
        try await p.masuk("pengurus.a", "sandiuji12345")
        let halaman = try await p.get(lokasi).body.string
        XCTAssertTrue(halaman.contains(#"<span class="status" id="status-penerimaan">Dibaca</span>"#))
        let lapor = try await p.post(lokasi + "/laporan", ["saluran[]": "pertemuan_warga", "tanggal": "2026-05-04", "jangkauan": "60"])
        XCTAssertEqual(lapor.status, .seeOther, lapor.body.string)
        html = try await v.get(lokasi).body.string
        XCTAssertTrue(html.contains(#"<p class="nilai" id="cakupan-persen">50% <small>1 dari 2</small></p>"#))
        XCTAssertTrue(html.contains(#"<p class="nilai" id="cakupan-jangkauan">60</p>"#))
        let daftar = try await v.get("/diseminasi").body.string
        XCTAssertTrue(daftar.contains("1 dari 2 KIM melapor (50%)"), daftar)
        let opd = try await Uji.pengguna(app, "opd", .opd, opd: "bpbd")
        _ = opd
        let o = Peramban(app)
        try await o.masuk("opd", "sandiuji12345")
        let dilarang = try await o.get("/diseminasi")
        XCTAssertEqual(dilarang.status, .forbidden)
    }
}
