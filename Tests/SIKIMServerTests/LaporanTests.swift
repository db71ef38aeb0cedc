import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

// Unchecked: the concurrent submissions call `kirim`, which only reads `app`, set in `setUp`
// before they start; XCTest runs one test method at a time.
final class LaporanTests: XCTestCase, @unchecked Sendable {
    var app: Application!
    // Tuesday 17 March 2026, 10:00 WIB: the day before the Idul Fitri holidays.
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-03-17T03:00:00Z")!)
    var kim: KimModel!

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "verif1", .verifikator)
        try await Uji.pengguna(app, "verif2", .verifikator)
        try await Uji.pengguna(app, "dpmptsp", .opd, opd: "dpmptsp")
        try await Uji.pengguna(app, "bpbd", .opd, opd: "bpbd")
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func masuk(_ u: String) async throws -> KlienAPI { try await KlienAPI.masuk(app, u, "sandiuji12345") }

    func kirim(_ k: KlienAPI, kategori: String = "perizinan", rahasia: String = "biasa", desa: String = "36.04.05.2001",
               kunci: String? = nil, kepala: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var h = kepala
        h.bearerAuthorization = .init(token: k.token!)
        h.contentType = .json
        if let kunci { h.replaceOrAdd(name: "Idempotency-Key", value: kunci) }
        let json = """
        {"kategori":"\(kategori)","judul":"Pabrik tanpa izin di Kramatwatu","isi":"Sebuah pabrik baru beroperasi tanpa papan izin.",
         "kode_wilayah":"\(desa)","kerahasiaan":"\(rahasia)","sumber":"pengamatan_langsung","jawaban":{"nama_usaha":"PT Maju Jaya"}}
        """
        return try await app.sendRequest(.POST, "/api/v1/laporan", headers: h, body: ByteBuffer(string: json))
    }

    func ke(_ k: KlienAPI, _ id: String, _ json: String) async throws -> XCTHTTPResponse {
        try await k.kirim(.POST, "/api/v1/laporan/\(id)/transisi", json: json)
    }

    /// Issue 20: a laporan the app wrote offline records so, with the phone's time and its
    /// arrival; its deadline runs from the arrival. Staff see both times, the public neither.
    func testAplikasiLuringMencatatWaktuDitulisDanTiba() async throws {
        // setup
        let p = try await masuk("pengurus")
        let ditulis = jam.sekarang - 2 * 86_400
        // act
        let res = try await kirim(p, kategori: "infrastruktur", kunci: "perangkat-1", kepala: [
            "X-SIKIM-Kanal": "aplikasi", "X-SIKIM-Ditulis": TanggalIndonesia.iso8601(ditulis)])
        // check
        XCTAssertEqual(res.status, .created, res.body.string)
        let j = try res.json()
        XCTAssertEqual(j["kanal"] as? String, "aplikasi_luring")
        XCTAssertEqual(j["ditulis_pada"] as? String, TanggalIndonesia.iso8601(ditulis))
        XCTAssertEqual(j["dibuat_pada"] as? String, TanggalIndonesia.iso8601(jam.sekarang), "the SLA clock starts at the arrival")
        let v = Peramban(app)
        try await v.masuk("verif1", "sandiuji12345")
        let html = try await v.get("/laporan/\(j["id"] as! String)").body.string
        XCTAssertTrue(html.contains(#"<dt>Ditulis di ponsel</dt><dd data-bidang="ditulis_pada" id="ditulis-pada">\#(TanggalIndonesia.denganJam(ditulis))</dd>"#), html)
        XCTAssertTrue(html.contains("<dt>Diterima</dt>"))
        XCTAssertTrue(html.contains(#"<dd data-bidang="kanal" id="kanal">Aplikasi ponsel, ditulis saat luring</dd>"#))
        // without the app's word, an API client is the API
        let web = try await kirim(p, kunci: "formulir")
        XCTAssertEqual(try web.json()["kanal"] as? String, "api")
    }

    /// Lists read plain rows, single laporan read the Fluent model: both must answer alike,
    /// every field, for every viewer.
    func testDaftarSamaDenganDetailUntukSetiapPenonton() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1")
        let lengkap = #"""
        {"kategori":"perizinan","judul":"Pabrik \"baru\"","isi":"Baris satu\nbaris dua","kode_wilayah":"36.04.05.2001",
         "lat":"-6.0612","lon":"106.1234","alamat":"Jl. Raya Serang km 5","waktu_kejadian":"2026-03-16T08:30:00+07:00",
         "kerahasiaan":"anonim_publik","sumber":"pengamatan_langsung","jawaban":{"nama_usaha":["PT Maju"],"izin_diduga_tidak_ada":["NIB","PBG / IMB"]}}
        """#
        let a = try await pengurus.kirim(.POST, "/api/v1/laporan", json: lengkap)
        XCTAssertEqual(a.status, .created, a.body.string)
        let id = try idKim(a)
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        _ = try await ke(try await masuk("verif2"), id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#) // sensitive: two verifiers
        _ = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"tolong"}"#)
        _ = try await kirim(pengurus, rahasia: "rahasia")
        _ = try await kirim(pengurus)
        for u in ["admin", "verif1", "pengurus", "dpmptsp", "bpbd"] {
            let k = u == "admin" ? try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin) : try await masuk(u)
            let daftar = try await k.kirim(.GET, "/api/v1/laporan").data()
            XCTAssertEqual(daftar.count, ["dpmptsp": 1, "bpbd": 0][u] ?? 3, u)
            for baris in daftar {
                let detail = try await k.kirim(.GET, "/api/v1/laporan/\(baris["id"] as! String)").json()
                XCTAssertEqual(baris as NSDictionary, detail as NSDictionary, u)
            }
        }
        let semua = try await v1.kirim(.GET, "/api/v1/laporan").data()
        let a1 = try XCTUnwrap(semua.first { $0["id"] as? String == id })
        XCTAssertEqual(a1["lat"] as? Double, -6.0612)
        XCTAssertEqual(a1["waktu_kejadian"] as? String, "2026-03-16T08:30:00+07:00")
        XCTAssertEqual(a1["jawaban"] as? [String: [String]], ["nama_usaha": ["PT Maju"], "izin_diduga_tidak_ada": ["NIB", "PBG / IMB"]])
        XCTAssertEqual(a1["judul"] as? String, "Pabrik \"baru\"")
        XCTAssertEqual(a1["tahap_sla"] as? String, "tanggapan_opd")
    }

    func testAlurLengkapDenganGerbangVerifikasi() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1"), v2 = try await masuk("verif2")
        let opd = try await masuk("dpmptsp")
        let res = try await kirim(pengurus)
        XCTAssertEqual(res.status, .created, res.body.string)
        let id = try idKim(res)
        XCTAssertEqual(try res.json()["nomor"] as? String, "LAP-2026-000001")
        XCTAssertEqual(try res.json()["status"] as? String, "masuk")
        // Tuesday + 3 working days, skipping 18–24 March: Friday 27 March, end of day
        XCTAssertEqual(try res.json()["tenggat"] as? String, "2026-03-27T23:59:59+07:00")

        // the gate: the same refusal however one tries to act on unverified information
        for json in [#"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"x"}"#, #"{"ke":"dipublikasikan"}"#,
                     #"{"ke":"ditindaklanjuti","catatan":"x"}"#, #"{"ke":"selesai","catatan":"x"}"#] {
            let tolak = try await ke(v1, id, json)
            XCTAssertEqual(tolak.status, .conflict, json)
            XCTAssertEqual(try tolak.kodeKesalahan(), "transisi_ditolak")
            XCTAssertEqual(try tolak.pesanKesalahan(), SiklusLaporan.pesanBelumTerverifikasi)
        }

        let satu = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"Ada pabrik, papan izin tidak ada"}"#)
        XCTAssertEqual(try satu.json()["status"] as? String, "masuk", "a sensitive laporan needs a second confirmation")
        let menunggu = try await v2.kirim(.GET, "/api/v1/laporan?status=menunggu_konfirmasi_kedua").data()
        XCTAssertEqual(menunggu.count, 1)
        let samaOrang = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"lagi"}"#)
        XCTAssertEqual(try samaOrang.pesanKesalahan(), "Laporan sensitif memerlukan konfirmasi kedua dari verifikator yang berbeda.")
        let dua = try await ke(v2, id, #"{"ke":"valid","metode":"konfirmasi_opd_dokumen","catatan":"NIB tidak terdaftar di OSS"}"#)
        XCTAssertEqual(try dua.json()["status"] as? String, "valid")

        let dilarangOPD = try await ke(opd, id, #"{"ke":"ditindaklanjuti","catatan":"x"}"#)
        XCTAssertEqual(dilarangOPD.status, .notFound, "not forwarded yet: the laporan does not exist for the OPD")
        let terus = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"Mohon diperiksa perizinannya"}"#)
        XCTAssertEqual(try terus.json()["status"] as? String, "diteruskan")
        XCTAssertEqual(try terus.json()["opd"] as? [String], ["dpmptsp"])
        XCTAssertEqual(try terus.json()["tahap_sla"] as? String, "tanggapan_opd", "the OPD has not responded yet")
        let tindak = try await ke(opd, id, #"{"ke":"ditindaklanjuti","catatan":"Tim turun ke lokasi"}"#)
        XCTAssertEqual(try tindak.json()["status"] as? String, "ditindaklanjuti")
        XCTAssertEqual(try tindak.json()["tahap_sla"] as? String, "penyelesaian", "the OPD responded")
        let selesai = try await ke(opd, id, #"{"ke":"selesai","catatan":"Perusahaan diminta mengurus NIB dalam 14 hari"}"#)
        XCTAssertEqual(try selesai.json()["status"] as? String, "selesai")

        let dilihat = try await pengurus.kirim(.GET, "/api/v1/laporan/\(id)").json()
        XCTAssertEqual(dilihat["hasil"] as? String, "Perusahaan diminta mengurus NIB dalam 14 hari")
        let riwayat = try await pengurus.kirim(.GET, "/api/v1/laporan/\(id)/riwayat").data()
        XCTAssertEqual(riwayat.map { $0["aksi"] as? String }, ["dibuat", "konfirmasi", "konfirmasi", "teruskan", "tindaklanjuti", "selesaikan"])
        let rusak = try await Uji.layananLaporan(app).periksaAudit().rusak
        XCTAssertEqual(rusak, [])
    }

    func testOPDHanyaMelihatYangDiteruskanKepadanya() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1")
        let a = try idKim(try await kirim(pengurus, kategori: "infrastruktur"))
        let b = try idKim(try await kirim(pengurus, kategori: "infrastruktur"))
        _ = try await ke(v1, a, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        _ = try await ke(v1, a, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"tolong"}"#)
        let dpm = try await masuk("dpmptsp"), bpbd = try await masuk("bpbd")
        let lihat = try await dpm.kirim(.GET, "/api/v1/laporan").data().compactMap { $0["id"] as? String }
        XCTAssertEqual(lihat, [a])
        let lain = try await dpm.kirim(.GET, "/api/v1/laporan/\(b)")
        XCTAssertEqual(lain.status, .notFound)
        let kosong = try await bpbd.kirim(.GET, "/api/v1/laporan").data()
        XCTAssertTrue(kosong.isEmpty)
        let b2 = Peramban(app)
        try await b2.masuk("bpbd", "sandiuji12345")
        let halaman = try await b2.get("/laporan/\(a)")
        XCTAssertEqual(halaman.status, .notFound)
    }

    /// A rahasia reporter's name never reaches an OPD or the public: checked on the bytes.
    func testNamaPelaporRahasiaTidakPernahSampaiKeOPDAtauPublik() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1"), opd = try await masuk("dpmptsp")
        let id = try idKim(try await kirim(pengurus, kategori: "pariwisata", rahasia: "rahasia"))
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        _ = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"info"}"#)
        _ = try await ke(v1, id, #"{"ke":"dipublikasikan"}"#)
        _ = try await ke(opd, id, #"{"ke":"ditindaklanjuti","catatan":"ok"}"#)
        let nama = "Nama pengurus"
        var jawaban: [XCTHTTPResponse] = [
            try await opd.kirim(.GET, "/api/v1/laporan"), try await opd.kirim(.GET, "/api/v1/laporan/\(id)"),
            try await opd.kirim(.GET, "/api/v1/laporan/\(id)/riwayat"),
            try await KlienAPI(app: app).kirim(.GET, "/api/v1/laporan"), try await KlienAPI(app: app).kirim(.GET, "/api/v1/laporan/\(id)"),
            try await app.sendRequest(.GET, "/informasi"), try await app.sendRequest(.GET, "/informasi/\(id)"),
        ]
        let b = Peramban(app)
        try await b.masuk("dpmptsp", "sandiuji12345")
        jawaban += [try await b.get("/laporan"), try await b.get("/laporan/\(id)")]
        for r in jawaban {
            XCTAssertEqual(r.status, .ok)
            XCTAssertFalse(r.body.string.contains(nama), r.body.string.prefix(200).description)
            XCTAssertFalse(r.body.string.contains(kim.nama) && r.body.string.contains("pelapor\":{"), "no KIM either for rahasia")
        }
        XCTAssertTrue(jawaban[5].body.string.contains("Pabrik tanpa izin di Kramatwatu"), "the information itself is public")
        // the verifikator does see who reported
        let verif = try await v1.kirim(.GET, "/api/v1/laporan/\(id)")
        XCTAssertTrue(verif.body.string.contains(nama))
    }

    func testPublikMelihatNamaKimSajaUntukLaporanBiasa() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1")
        let id = try idKim(try await kirim(pengurus, kategori: "pariwisata"))
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        let belum = try await KlienAPI(app: app).kirim(.GET, "/api/v1/laporan/\(id)")
        XCTAssertEqual(belum.status, .notFound, "valid but unpublished is not public")
        _ = try await ke(v1, id, #"{"ke":"dipublikasikan"}"#)
        let publik = try await KlienAPI(app: app).kirim(.GET, "/api/v1/laporan/\(id)").json()
        XCTAssertEqual((publik["pelapor"] as? [String: Any])?["kim"] as? String, "KIM Desa Kramatwatu")
        XCTAssertNil((publik["pelapor"] as? [String: Any])?["nama"])
        XCTAssertEqual(publik["status"] as? String, "dipublikasikan")
    }

    func testKirimanSerentakMendapatNomorBerbeda() async throws {
        // setup
        let pengurus = try await masuk("pengurus")
        // act: 24 submissions at once
        let status = try await withThrowingTaskGroup(of: HTTPStatus.self) { g in
            for _ in 0..<24 { g.addTask { try await self.kirim(pengurus, kategori: "lingkungan").status } }
            return try await g.reduce(into: [HTTPStatus]()) { $0.append($1) }
        }
        // check: all stored, numbered 1…24 without a gap or a repeat
        XCTAssertEqual(status, Array(repeating: .created, count: 24))
        let nomor = try await LaporanModel.query(on: app.db).all(\.$nomor).sorted()
        XCTAssertEqual(nomor, (1...24).map { AturanLaporan.nomor(tahun: 2026, urut: $0) })
    }

    /// Creation times with sub-millisecond parts (as `Date()` gives) must not repeat or skip a
    /// row across pages, whatever the page size.
    func testHalamanBerkursorTanpaUlangDanTanpaLompat() async throws {
        // setup
        let k = try await masuk("pengurus")
        var dibuat: [String] = []
        for i in 0..<9 {
            jam.maju(i % 3 == 0 ? 0.0004 : 0.0007) // some rows share a millisecond
            let res = try await kirim(k)
            dibuat.append(try XCTUnwrap(try res.json()["id"] as? String))
        }
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        for batas in [1, 2, 4] {
            // act
            var dilihat: [String] = [], kursor: String?
            for _ in 0...dibuat.count { // bounded: a repeating cursor must fail, not hang
                let res = try await admin.kirim(.GET, "/api/v1/laporan?limit=\(batas)" + (kursor.map { "&cursor=\($0)" } ?? ""))
                XCTAssertEqual(res.status, .ok)
                let j = try res.json()
                dilihat += try XCTUnwrap(j["data"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                kursor = j["next_cursor"] as? String
                if kursor == nil { break }
            }
            // check
            XCTAssertEqual(dilihat, dibuat.reversed(), "limit \(batas)")
        }
        let buruk = try await admin.kirim(.GET, "/api/v1/laporan?cursor=" + Paginasi.kode("bukan-id"))
        XCTAssertEqual(buruk.status, .badRequest)
    }

    func testKirimUlangDenganKunciSamaMembuatSatuLaporan() async throws {
        let pengurus = try await masuk("pengurus")
        let satu = try await kirim(pengurus, kunci: "android-7f3a")
        let dua = try await kirim(pengurus, kunci: "android-7f3a")
        XCTAssertEqual(satu.status, .created)
        XCTAssertEqual(dua.status, .ok)
        XCTAssertEqual(dua.headers.first(name: "Idempotent-Replayed"), "true")
        XCTAssertEqual(try idKim(satu), try idKim(dua))
        let lain = try await kirim(pengurus, kunci: "android-9b21")
        XCTAssertEqual(try lain.json()["nomor"] as? String, "LAP-2026-000002")
        let jumlah = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 2)
    }

    func testIsianBurukDanWilayahDiLuarKim() async throws {
        let pengurus = try await masuk("pengurus")
        let luar = try await kirim(pengurus, desa: "36.04.06.2001")
        XCTAssertEqual(luar.status, .unprocessableEntity)
        XCTAssertEqual(try luar.pesanKesalahan(), "Desa ini berada di luar wilayah KIM Anda.")
        let kosong = try await pengurus.kirim(.POST, "/api/v1/laporan", json: #"{"kategori":"perizinan","judul":"","isi":"\#(String(repeating: "x", count: 4001))","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(kosong.status, .unprocessableEntity)
        let bidang = try XCTUnwrap((try kosong.json()["error"] as? [String: Any])?["rincian"] as? [[String: Any]]).compactMap { $0["bidang"] as? String }
        XCTAssertEqual(Set(bidang), ["judul", "isi", "jawaban.nama_usaha"])
        let kategori = try await pengurus.kirim(.POST, "/api/v1/laporan", json: #"{"kategori":"tidak-ada","judul":"x","isi":"y","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(try kategori.pesanKesalahan(), "Pilih kategori informasi.")
        let verif = try await masuk("verif1")
        let dilarang = try await kirim(verif)
        XCTAssertEqual(dilarang.status, .forbidden)
        let jumlah = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0)
    }

    func testFotoDikenaliDariIsinya() async throws {
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/laporan/baru?kategori=bencana")
        let bidang = ["kategori": "bencana", "judul": "Banjir", "isi": "Air setinggi lutut", "kode_wilayah": "36.04.05.2001",
                      "jawaban_jenis_bencana": "Banjir", "jawaban_jumlah_terdampak": "40", "kunci": "form-1"]
        let ok = try await b.unggah("/laporan", berkas: GambarUji.jpegExif, namaBerkas: "banjir.jpg", tipe: "image/jpeg", bidang: bidang,
                                    namaBidang: "foto[]")
        XCTAssertEqual(ok.status, .seeOther, ok.body.string)
        let l = try await XCTUnwrapAsync(await LaporanModel.query(on: app.db).first())
        XCTAssertEqual(l.jawaban, ["jenis_bencana": ["Banjir"], "jumlah_terdampak": ["40"]])
        let foto = try await FotoLaporanModel.query(on: app.db).all()
        XCTAssertEqual(foto.map(\.tipeMime), ["image/jpeg"])
        // The photo is stored, and served, without the author and the GPS position it carried.
        let unduh = Array(try await b.get("/laporan/\(l.id!)/foto/\(foto[0].id!)").body.readableBytesView)
        XCTAssertEqual(unduh, try MetadataGambar.bersihkan(GambarUji.jpegExif, jenis: .jpeg))
        XCTAssertFalse(String(decoding: unduh, as: UTF8.self).contains("Siti Rohmah"))
        XCTAssertEqual(foto[0].ukuran, unduh.count)
        XCTAssertEqual(foto[0].sha256, SHA256.hash(data: unduh).hex)

        try await b.get("/laporan/baru?kategori=bencana")
        var lagi = bidang
        lagi["kunci"] = "form-2"
        let exe = try await b.unggah("/laporan", berkas: Array("MZ\u{90}\u{0}program".utf8), namaBerkas: "foto.jpg", tipe: "image/jpeg", bidang: lagi, namaBidang: "foto[]")
        XCTAssertEqual(exe.status, .unprocessableEntity)
        XCTAssertTrue(exe.body.string.contains("Jenis berkas tidak diterima: unggah JPEG, PNG atau WEBP."))
        XCTAssertTrue(exe.body.string.contains(#"value="Banjir""#), "the entered text is kept")
        let jumlah = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)
    }

    /// The submission's answer is built without reading the laporan back: it must equal the
    /// detail read afterwards, photos included.
    func testJawabanKirimSamaDenganDetail() async throws {
        // setup
        let pengurus = try await masuk("pengurus")
        let png = GambarUji.png
        let (kepala, body) = Multipart.badan(["kategori": "bencana", "judul": "Banjir", "isi": "Air setinggi lutut", "kode_wilayah": "36.04.05.2001",
                                              "jawaban_jenis_bencana": "Banjir", "jawaban_jumlah_terdampak": "40"],
                                             berkas: png, namaBerkas: "banjir.png", tipe: "image/png", namaBidang: "foto[]")
        var h = kepala
        h.bearerAuthorization = .init(token: pengurus.token!)

        // act
        let kirim = try await app.sendRequest(.POST, "/api/v1/laporan", headers: h, body: body)
        let id = try XCTUnwrap(try kirim.json()["id"] as? String)
        let detail = try await pengurus.kirim(.GET, "/api/v1/laporan/\(id)")

        // check
        XCTAssertEqual(kirim.status, .created, kirim.body.string)
        XCTAssertEqual((try kirim.json()["foto"] as? [Any])?.count, 1)
        XCTAssertEqual(try kirim.json() as NSDictionary, try detail.json() as NSDictionary)
    }

    /// Who is notified is cached for a few seconds (`CacheServer.alamat`); a new verifikator or a
    /// webhook set through this server is reached by the very next submission.
    func testPenerimaBaruDanWebhookBerlakuUntukLaporanBerikutnya() async throws {
        // setup: one submission, so the recipients of a new laporan are cached (as again after
        // the second)
        let pengurus = try await masuk("pengurus")
        let pertama = try await kirim(pengurus)
        XCTAssertEqual(pertama.status, .created)
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        // act
        let buat = try await admin.kirim(.POST, "/api/v1/pengguna",
                                         json: #"{"username":"verif3","nama":"Verifikator Baru","kata_sandi":"sandiuji12345","peran":"verifikator"}"#)
        XCTAssertEqual(buat.status, .created, buat.body.string)
        let kedua = try await kirim(pengurus)
        try await RepositoriWebhook(db: app.db, jam: app.jam).simpan(url: "http://127.0.0.1:9/hook", rahasia: "r")
        let ketiga = try await kirim(pengurus)
        // check
        XCTAssertEqual([kedua.status, ketiga.status], [.created, .created])
        let cari = try await PenggunaModel.query(on: app.db).filter(\.$username == "verif3").first()
        let baru = try XCTUnwrap(cari)
        let pesan = try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == baru.requireID()).count()
        XCTAssertEqual(pesan, 2, "the laporan after the new verifikator reach them")
        let webhook = try await KirimanWebhookModel.query(on: app.db).count()
        XCTAssertEqual(webhook, 1, "the laporan after the webhook is set reaches it")
    }

    /// A submission reads its category and desa, kept a few seconds (`CacheServer`): a change
    /// through this server's models applies to the next submission, one made elsewhere within
    /// five seconds.
    func testKategoriNonaktifBerlakuUntukLaporanBerikutnya() async throws {
        // setup: one submission, so the category is cached
        let pengurus = try await masuk("pengurus")
        let pertama = try await kirim(pengurus)
        XCTAssertEqual(pertama.status, .created)
        // act
        let k = try await KategoriModel.find("perizinan", on: app.db)
        let kategori = try XCTUnwrap(k)
        kategori.aktif = false
        try await kategori.update(on: app.db)
        let nonaktif = try await kirim(pengurus)
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        try await sql.raw("UPDATE kategori SET aktif = \(bind: true) WHERE kode = 'perizinan'").run()
        let segera = try await kirim(pengurus)
        jam.maju(5)
        let nanti = try await kirim(pengurus)
        // check
        XCTAssertEqual(nonaktif.status, .unprocessableEntity)
        XCTAssertEqual(try nonaktif.pesanKesalahan(), "Pilih kategori informasi.")
        XCTAssertEqual(segera.status, .unprocessableEntity, "within five seconds the cached category answers")
        XCTAssertEqual(nanti.status, .created, nanti.body.string)
    }

    func testKlarifikasiLewatBrowser() async throws {
        let pengurus = try await masuk("pengurus")
        let id = try idKim(try await kirim(pengurus, kategori: "lingkungan"))
        let v = Peramban(app)
        try await v.masuk("verif1", "sandiuji12345")
        let kotak = try await v.get("/laporan?status=masuk").body.string
        XCTAssertTrue(kotak.contains("Pabrik tanpa izin di Kramatwatu"))
        try await v.get("/laporan/\(id)")
        let tanya = try await v.post("/laporan/\(id)/aksi", ["aksi": "tanya", "catatan": "Di RT berapa lokasinya?"])
        XCTAssertEqual(tanya.status, .seeOther)
        let p = Peramban(app)
        try await p.masuk("pengurus", "sandiuji12345")
        let halaman = try await p.get("/laporan/\(id)").body.string
        XCTAssertTrue(halaman.contains("Di RT berapa lokasinya?"))
        XCTAssertTrue(halaman.contains(#"data-aksi="jawab""#))
        let kosong = try await p.post("/laporan/\(id)/aksi", ["aksi": "jawab", "catatan": " "])
        XCTAssertEqual(kosong.status, .conflict)
        XCTAssertTrue(kosong.body.string.contains("Jawaban wajib diisi."))
        let jawab = try await p.post("/laporan/\(id)/aksi", ["aksi": "jawab", "catatan": "RT 03 RW 02"])
        XCTAssertEqual(jawab.status, .seeOther)
        let m = try await LaporanModel.find(UUID(uuidString: id), on: app.db)
        XCTAssertEqual(m?.statusLaporan, .masuk)
    }

    func testTenggatDanDaftarTerlambat() async throws {
        let pengurus = try await masuk("pengurus")
        _ = try await kirim(pengurus, kategori: "lingkungan")
        jam.maju(9 * 86_400) // Thursday 26 March: 2 working days later, within the deadline
        let v = Peramban(app)
        try await v.masuk("verif1", "sandiuji12345")
        var html = try await v.get("/laporan/terlambat").body.string
        XCTAssertTrue(html.contains(#"<span id="jumlah-terlambat">0</span>"#))
        jam.maju(2 * 86_400) // Saturday 28 March: past Friday 23:59:59
        try await v.masuk("verif1", "sandiuji12345")
        html = try await v.get("/laporan/terlambat").body.string
        XCTAssertTrue(html.contains(#"<span id="jumlah-terlambat">1</span>"#))
        let api = try await (try await masuk("verif1")).kirim(.GET, "/api/v1/laporan").data()
        XCTAssertEqual(api.first?["terlambat"] as? Bool, true)
    }

    func testOPDMengonfirmasiPenerimaanDanMelampirkanBukti() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1"), opd = try await masuk("dpmptsp")
        let id = try idKim(try await kirim(pengurus, kategori: "infrastruktur"))
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        let terus = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"tolong"}"#).json()
        XCTAssertEqual(terus["tahap_sla"] as? String, "tanggapan_opd")
        let terima = try await ke(opd, id, #"{"ke":"diteruskan","catatan":"Diterima, dijadwalkan peninjauan"}"#)
        XCTAssertEqual(terima.status, .ok, terima.body.string)
        XCTAssertEqual(try terima.json()["status"] as? String, "diteruskan")
        XCTAssertEqual(try terima.json()["tahap_sla"] as? String, "penyelesaian", "once acknowledged the clock runs toward closing")
        let lagi = try await ke(opd, id, #"{"ke":"diteruskan"}"#)
        XCTAssertEqual(lagi.status, .conflict)
        XCTAssertEqual(try lagi.pesanKesalahan(), "Penerimaan laporan ini sudah dikonfirmasi.")

        let b = Peramban(app)
        try await b.masuk("dpmptsp", "sandiuji12345")
        try await b.get("/laporan/\(id)")
        let pdf = Array("%PDF-1.4\nberita acara peninjauan".utf8)
        let tindak = try await b.unggah("/laporan/\(id)/aksi", berkas: pdf, namaBerkas: "peninjauan.pdf", tipe: "application/pdf",
                                        bidang: ["aksi": "tindaklanjuti", "catatan": "Tim meninjau lokasi"], namaBidang: "lampiran[]")
        XCTAssertEqual(tindak.status, .seeOther, tindak.body.string)
        let riwayat = try await opd.kirim(.GET, "/api/v1/laporan/\(id)/riwayat").data()
        let lampiran = try XCTUnwrap(riwayat.last?["lampiran"] as? [[String: Any]])
        XCTAssertEqual(lampiran.first?["nama"] as? String, "peninjauan.pdf")
        let url = try XCTUnwrap(lampiran.first?["url"] as? String)
        let unduh = try await b.get(url)
        XCTAssertEqual(Array(unduh.body.readableBytesView), pdf)
        XCTAssertEqual(unduh.headers.first(name: .contentType), "application/pdf")
        let publik = try await app.sendRequest(.GET, url)
        XCTAssertEqual(publik.status, .notFound)

        try await b.get("/laporan/\(id)")
        let exe = try await b.unggah("/laporan/\(id)/aksi", berkas: Array("MZ\u{90}\u{0}x".utf8), namaBerkas: "hasil.pdf",
                                     tipe: "application/pdf", bidang: ["aksi": "selesaikan", "catatan": "Selesai"], namaBidang: "lampiran[]")
        XCTAssertEqual(exe.status, .unprocessableEntity)
        XCTAssertTrue(exe.body.string.contains("Lampiran hasil.pdf: Jenis berkas tidak diterima"))
        let m = try await LaporanModel.find(UUID(uuidString: id), on: app.db)
        XCTAssertEqual(m?.statusLaporan, .ditindaklanjuti, "a refused attachment changes nothing")
        let rusak = try await Uji.layananLaporan(app).periksaAudit().rusak
        XCTAssertEqual(rusak, [])
    }

    /// Issue 19: the reporter hears every step — verified (after the second confirmation of a
    /// sensitive laporan, not the first), forwarded, acknowledged, done.
    func testPelaporMendengarSetiapLangkah() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1"), v2 = try await masuk("verif2")
        let opd = try await masuk("dpmptsp")
        let id = try idKim(try await kirim(pengurus, kategori: "perizinan"))
        let pelapor = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).filter(\.$username == "pengurus").first())
        func judul() async throws -> [String] {
            try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == pelapor.id!).all().map(\.judul)
        }
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        var didengar = try await judul()
        XCTAssertEqual(didengar, [], "one of two confirmations is not yet a verification")
        _ = try await ke(v2, id, #"{"ke":"valid","metode":"konfirmasi_opd_dokumen","catatan":"izin tidak ada"}"#)
        _ = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"mohon dicek"}"#)
        let terima = try await ke(opd, id, #"{"ke":"diteruskan","catatan":"Diterima"}"#)
        XCTAssertEqual(terima.status, .ok, terima.body.string)
        didengar = try await judul()
        XCTAssertEqual(Set(didengar), ["Laporan LAP-2026-000001 telah diverifikasi dan dinyatakan valid.",
                                       "Laporan LAP-2026-000001 telah diteruskan kepada perangkat daerah untuk ditindaklanjuti.",
                                       "Perangkat daerah telah menerima laporan LAP-2026-000001 dan akan menindaklanjutinya."])
    }

    func testNotifikasiSampaiKepadaYangBerkepentingan() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1")
        let id = try idKim(try await kirim(pengurus, kategori: "infrastruktur"))
        let v = Peramban(app)
        try await v.masuk("verif2", "sandiuji12345")
        var html = try await v.get("/laporan").body.string
        XCTAssertTrue(html.contains(#"Notifikasi <span class="jumlah" aria-label="belum dibaca">1</span>"#), "every verifikator hears of a new laporan")
        _ = try await ke(v1, id, #"{"ke":"klarifikasi","catatan":"Di mana tepatnya?"}"#)
        let p = Peramban(app)
        try await p.masuk("pengurus", "sandiuji12345")
        let daftar = try await p.get("/notifikasi").body.string
        XCTAssertTrue(daftar.contains("Verifikator meminta klarifikasi atas laporan LAP-2026-000001."))
        let n = try await XCTUnwrapAsync(await NotifikasiModel.query(on: app.db).filter(\.$judul =~ "Verifikator meminta").first())
        let buka = try await p.get("/notifikasi/\(n.id!)")
        XCTAssertEqual(buka.status, .seeOther)
        XCTAssertEqual(buka.headers.first(name: .location), "/laporan/\(id)")
        let dibaca = try await NotifikasiModel.find(n.id, on: app.db)
        XCTAssertEqual(dibaca?.dibaca, true)
        _ = try await ke(pengurus, id, #"{"ke":"masuk","catatan":"Di depan sekolah"}"#)
        _ = try await ke(v1, id, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        _ = try await ke(v1, id, #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"tolong"}"#)
        let opd = try await NotifikasiModel.query(on: app.db).filter(\.$judul =~ "Laporan LAP-2026-000001 diteruskan").all()
        let dpm = try await PenggunaModel.query(on: app.db).filter(\.$username == "dpmptsp").first()
        XCTAssertEqual(opd.map(\.penggunaID), [dpm!.id!], "only the OPD it was forwarded to")
        try await v.get("/notifikasi")
        let semua = try await v.post("/notifikasi/baca-semua", [:])
        XCTAssertEqual(semua.status, .seeOther)
        html = try await v.get("/laporan").body.string
        XCTAssertFalse(html.contains(#"aria-label="belum dibaca""#))
        // nobody opens someone else's notice
        let orangLain = try await v.get("/notifikasi/\(n.id!)")
        XCTAssertEqual(orangLain.status, .notFound)
    }

    func testAuditMenemukanRiwayatYangDiubahDiBasisData() async throws {
        let pengurus = try await masuk("pengurus"), v1 = try await masuk("verif1")
        let a = try idKim(try await kirim(pengurus, kategori: "lingkungan"))
        let b = try idKim(try await kirim(pengurus, kategori: "lingkungan"))
        _ = try await ke(v1, a, #"{"ke":"tidak_valid","alasan":"hoaks","catatan":"foto lama"}"#)
        _ = try await ke(v1, b, #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        let layanan = Uji.layananLaporan(app)
        var rusak = try await layanan.periksaAudit().rusak
        XCTAssertEqual(rusak, [])
        // someone rewrites history straight in the database
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        try await sql.raw("UPDATE laporan_peristiwa SET catatan = 'benar kok' WHERE aksi = 'tolak'").run()
        rusak = try await layanan.periksaAudit().rusak
        let nomorA = try await LaporanModel.find(UUID(uuidString: a), on: app.db)?.nomor
        XCTAssertEqual(rusak, [nomorA!])
        try await sql.raw("DELETE FROM laporan_peristiwa WHERE aksi = 'konfirmasi'").run()
        rusak = try await layanan.periksaAudit().rusak
        XCTAssertEqual(rusak.count, 2)
    }
}

extension Uji {
    static func layananLaporan(_ app: Application) -> LayananLaporan {
        LayananLaporan(l: app.lingkungan)
    }
}
