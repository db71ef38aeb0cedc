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
                                                 "batas_waktu": "2026-05-10", "sasaran": "semua"], namaBidang: "lampiran[]")
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

    func testDiseminasiLewatBrowser() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        try await v.get("/diseminasi/baru")
        let terbit = try await v.post("/diseminasi", ["judul": "Waspada hoaks bansos", "ringkasan": "Klarifikasi", "isi": "Bansos tidak dipungut biaya.",
                                                      "jenis": "klarifikasi_hoaks", "batas_waktu": "2026-05-10", "sasaran": "semua"])
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
