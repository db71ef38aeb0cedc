import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

/// The findings of the outside test of issue 17, one test each: what was broken stays fixed.
final class IntegritasTests: XCTestCase {
    var app: Application!
    let jam = JamUji()
    var kim: KimModel!

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "verif", .verifikator)
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func api(_ u: String) async throws -> KlienAPI { try await KlienAPI.masuk(app, u, u == "admin" ? Uji.sandiAdmin : "sandiuji12345") }

    static let laporanJSON = #"{"kategori":"infrastruktur","judul":"Jalan rusak","isi":"Lubang di jalan desa.","kode_wilayah":"36.04.05.2001"}"#

    func laporan(_ k: KlienAPI, json: String = laporanJSON, kunci: String? = nil) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: k.token!)
        h.contentType = .json
        if let kunci { h.replaceOrAdd(name: "Idempotency-Key", value: kunci) }
        return try await app.sendRequest(.POST, "/api/v1/laporan", headers: h, body: ByteBuffer(string: json))
    }

    // MARK: The audit trail

    /// An event with a sound hash that starts from a state the laporan was not in (what two
    /// racing verifiers left behind) is caught, as are gaps and repeats in the numbering.
    func testAuditMenemukanLangkahYangTidakBersambung() async throws {
        // setup: a laporan declared a hoax, then an event written as if it were still `masuk`
        let dikirim = try await laporan(try await api("pengurus"))
        let id = try XCTUnwrap(try dikirim.json()["id"] as? String)
        let v = try await api("verif")
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id)/transisi", json: #"{"ke":"tidak_valid","alasan":"hoaks","catatan":"lama"}"#)
        let layanan = app.layananLaporanUji
        let bersih = try await layanan.periksaAudit().rusak
        XCTAssertEqual(bersih, [])
        let m = try await XCTUnwrapAsync(await LaporanModel.find(UUID(uuidString: id), on: app.db))
        let akhir = try await XCTUnwrapAsync(await PeristiwaLaporanModel.query(on: app.db).filter(\.$laporan.$id == m.id!).sort(\.$urutan, .descending).first())
        let e = PeristiwaLaporanModel()
        (e.id, e.$laporan.id, e.urutan, e.aksi, e.dari, e.ke, e.catatan, e.data) = (UUID(), m.id!, akhir.urutan + 1, "konfirmasi", "masuk", "valid", "benar", "{}")
        (e.penggunaID, e.namaPengguna, e.peran, e.waktu) = (UUID(), "Verifikator lain", "verifikator", akhir.waktu)
        e.hashSebelum = akhir.hash
        e.hash = RantaiAudit.hash(sebelum: akhir.hash, isi: e.isiKanonik, sha256: Sidik.sha256)
        try await e.create(on: app.db)
        m.status = "valid"
        try await m.update(on: app.db)
        // act
        let rusak = try await layanan.periksaAudit().rusak
        // check: the hashes and the last state agree; only continuity finds it
        XCTAssertEqual(rusak, [m.nomor])
    }

    // MARK: Throttling under parallel attempts

    func testTebakanSerentakPadaSatuNamaPengguna() async throws {
        let peladen = try await PeladenUji.mulai(app)
        do {
            let j = try await peladen.serentak(40) { _ in
                try await peladen.kirim(.POST, "/api/v1/token", token: nil, json: #"{"username":"verif","password":"tebakan-salah-1"}"#)
            }
            XCTAssertLessThanOrEqual(j.filter { $0.status == 401 }.count, 5, "\(j.map(\.status))")
            XCTAssertEqual(j.filter { $0.status != 401 && $0.status != 429 }.count, 0, "\(j.map(\.status))")
            let diperiksa = try await PercobaanLoginModel.query(on: app.db).filter(\.$username == "verif").count()
            XCTAssertLessThanOrEqual(diperiksa, 5, "at most five passwords checked per window")
            // Racing attempts may be refused early, never late: further guesses find the limit
            // where five checked failures put it, and then even the right password is refused.
            var gagal = j.filter { $0.status == 401 }.count
            while try await peladen.kirim(.POST, "/api/v1/token", token: nil, json: #"{"username":"verif","password":"tebakan-salah-2"}"#).status == 401 {
                gagal += 1
            }
            XCTAssertEqual(gagal, 5)
            let benar = try await peladen.kirim(.POST, "/api/v1/token", token: nil, json: #"{"username":"verif","password":"sandiuji12345"}"#)
            XCTAssertEqual(benar.status, 429, "locked, even with the right password")
        } catch { try await peladen.tutup(); throw error }
        try await peladen.tutup()
    }

    func testTebakanSerentakDariSatuAlamat() async throws {
        let peladen = try await PeladenUji.mulai(app)
        do {
            let n = PembatasLogin.alamat.batas + 20
            let j = try await peladen.serentak(n) { i in
                try await peladen.kirim(.POST, "/api/v1/token", token: nil, json: #"{"username":"tebak\#(i)","password":"apa-saja-123"}"#)
            }
            XCTAssertLessThanOrEqual(j.filter { $0.status == 401 }.count, PembatasLogin.alamat.batas, "\(j.map(\.status))")
            XCTAssertEqual(j.filter { $0.status == 429 }.count + j.filter { $0.status == 401 }.count, n, "\(j.map(\.status))")
        } catch { try await peladen.tutup(); throw error }
        try await peladen.tutup()
    }

    /// Item 14: the current password asked by a password change is throttled like a login.
    func testKataSandiLamaDibatasi() async throws {
        let b = Peramban(app)
        try await b.masuk("verif", "sandiuji12345")
        try await b.get("/akun")
        for _ in 1...5 {
            let r = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "salah-tebak-123", "kata_sandi_baru": "sandibaru12345", "ulangi": "sandibaru12345"])
            XCTAssertEqual(r.status, .unprocessableEntity)
        }
        let r = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "sandiuji12345", "kata_sandi_baru": "sandibaru12345", "ulangi": "sandibaru12345"])
        XCTAssertEqual(r.status, .tooManyRequests)
    }

    // MARK: Sizes

    /// Item 6: a multiple-choice answer is each option once; a list longer than the options, or
    /// a body longer than a text route takes, is refused before it is stored.
    func testJawabanDanBadanDibatasi() async throws {
        let p = try await api("pengurus")
        func izin(_ nilai: [String]) -> String {
            #"{"kategori":"perizinan","judul":"Pabrik","isi":"Pabrik tanpa izin.","kode_wilayah":"36.04.05.2001","jawaban":{"nama_usaha":"PT A","izin_diduga_tidak_ada":[\#(nilai.map { "\"\($0)\"" }.joined(separator: ","))]}}"#
        }
        let ulang = try await laporan(p, json: izin(["NIB", "NIB", "NIB"]))
        XCTAssertEqual(ulang.status, .created, ulang.body.string)
        XCTAssertEqual((try ulang.json()["jawaban"] as? [String: [String]])?["izin_diduga_tidak_ada"], ["NIB"])
        let banyak = try await laporan(p, json: izin(Array(repeating: "NIB", count: 50)))
        XCTAssertEqual(banyak.status, .unprocessableEntity)
        let raksasa = try await laporan(p, json: izin(Array(repeating: "NIB", count: 200_000)))
        XCTAssertEqual(raksasa.status, .payloadTooLarge)
        let jumlah = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)
    }

    /// Item 20: a route that takes one 6 MB document takes no 30 MB body.
    func testBatasBadanPerRute() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/kim/\(kim.id!)")
        let besar = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 65, count: 7 * 1024 * 1024)
        let r = try await b.unggah("/kim/\(kim.id!)/dokumen", berkas: besar, namaBerkas: "sk.pdf", tipe: "application/pdf", bidang: ["jenis": "sk_desa"])
        XCTAssertEqual(r.status, .payloadTooLarge)
        let jumlah = try await DokumenKimModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0)
    }

    // MARK: A KIM that may not act

    func testKimDibekukanLaluDibubarkanTidakDapatBertindak() async throws {
        // setup: the KIM legalised and active, its pengurus signed in
        let admin = try await api("admin")
        for json in [#"{"ke":"diajukan"}"#, #"{"ke":"disahkan_desa","nomor_sk":"1/2024","tanggal_sk":"2024-05-16"}"#,
                     #"{"ke":"aktif","nomor_sk":"2/2024","tanggal_sk":"2024-05-16"}"#, #"{"ke":"dibekukan","catatan":"tidak melapor"}"#] {
            let r = try await admin.kirim(.POST, "/api/v1/kim/\(kim.id!)/transisi", json: json)
            XCTAssertEqual(r.status, .ok, r.body.string)
        }
        let p = try await api("pengurus")
        // act and check: frozen, it neither reports nor records, though it still reads its KIM
        let lapor = try await laporan(p)
        XCTAssertEqual(lapor.status, .forbidden)
        XCTAssertTrue(try XCTUnwrap(try lapor.pesanKesalahan()).contains("dibekukan"))
        let kegiatan = try await p.kirim(.POST, "/api/v1/kegiatan", json: """
            {"kim_id":"\(kim.id!)","jenis":"rapat_pengurus","tanggal":"2024-05-16","tempat":"Balai","uraian":"Rapat"}
            """)
        XCTAssertEqual(kegiatan.status, .forbidden)
        let web = Peramban(app)
        try await web.masuk("pengurus", "sandiuji12345")
        let form = try await web.get("/laporan/baru")
        XCTAssertEqual(form.status, .forbidden)
        let hasil1 = try await p.kirim(.GET, "/api/v1/kim/\(kim.id!)").status
        XCTAssertEqual(hasil1, .ok)
        // dissolved: the board's accounts end with it
        let bubar = try await admin.kirim(.POST, "/api/v1/kim/\(kim.id!)/transisi", json: #"{"ke":"dibubarkan","catatan":"tidak aktif setahun"}"#)
        XCTAssertEqual(bubar.status, .ok, bubar.body.string)
        let hasil2 = try await p.kirim(.GET, "/api/v1/kim/\(kim.id!)").status
        XCTAssertEqual(hasil2, .unauthorized)
        let hasil3 = try await laporan(p).status
        XCTAssertEqual(hasil3, .unauthorized)
        let akun = try await PenggunaModel.query(on: app.db).filter(\.$username == "pengurus").first()
        XCTAssertEqual(akun?.aktif, false)
        // and cannot be reactivated while its KIM is dissolved
        let aktifkan = try await admin.kirim(.PATCH, "/api/v1/pengguna/\(akun!.id!)", json: #"{"aktif":true}"#)
        XCTAssertEqual(aktifkan.status, .unprocessableEntity)
        let hasil4 = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(hasil4, 0)
    }

    // MARK: Storage

    /// Item 8: a deleted database file is noticed at once: `/healthz` and every write answer 503.
    func testBerkasBasisDataHilang() async throws {
        guard Uji.databaseURL == nil else { throw XCTSkip("berkas SQLite: hanya pada SQLite") }
        let p = try await api("pengurus")
        let hasil5 = try await app.sendRequest(.GET, "/healthz").status
        XCTAssertEqual(hasil5, .ok)
        try FileManager.default.removeItem(atPath: app.sikim.berkasSQLite)
        let sehat = try await app.sendRequest(.GET, "/healthz")
        XCTAssertEqual(sehat.status, .serviceUnavailable)
        XCTAssertTrue(sehat.body.string.contains("hilang"), sehat.body.string)
        let kirim = try await laporan(p)
        XCTAssertEqual(kirim.status, .serviceUnavailable)
        XCTAssertEqual(try kirim.kodeKesalahan(), "penyimpanan_tidak_dapat_ditulis")
        let masuk = try await Peramban(app).masuk("verif", "sandiuji12345")
        XCTAssertEqual(masuk.status, .serviceUnavailable)
        XCTAssertTrue(masuk.body.string.contains("tidak dapat ditulisi"))
    }

    /// Item 8: storage that refuses writes (here SQLite's own read-only mode on every
    /// connection: the file permissions would not stop root) answers 503, not 500.
    func testPenyimpananHanyaBacaMemberi503() async throws {
        guard Uji.databaseURL == nil else { throw XCTSkip("mode hanya-baca SQLite: hanya pada SQLite") }
        let p = try await api("pengurus")
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(logger: app.logger, on: loop)!
            try await (db as! any SQLDatabase).raw("PRAGMA query_only = ON").run()
        }
        let kirim = try await laporan(p)
        XCTAssertEqual(kirim.status, .serviceUnavailable, kirim.body.string)
        XCTAssertEqual(try kirim.kodeKesalahan(), "penyimpanan_tidak_dapat_ditulis")
        let halaman = try await Peramban(app).get("/masuk")
        XCTAssertNotEqual(halaman.status, .internalServerError)
    }

    /// Item 8: a data directory with uploads but no database is not silently started afresh.
    func testTidakMemulaiBasisDataBaruDiDirektoriBerunggahan() async throws {
        guard Uji.databaseURL == nil else { throw XCTSkip("berkas SQLite: hanya pada SQLite") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sikim-hilang-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/foto", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/foto/a.jpg", contents: Data(GambarUji.jpeg)))
        for izinkan in [false, true] {
            let lain = try await Application.make(.testing)
            lain.logger.logLevel = .warning
            try configure(lain, Konfigurasi(direktoriData: dir, kataSandiAdmin: Uji.sandiAdmin, biayaBcrypt: 4, izinkanBasisDataBaru: izinkan))
            do {
                _ = try await Persiapan.siapkanBasisData(lain)
                XCTAssertTrue(izinkan, "started a fresh database beside uploads")
            } catch let e as KesalahanPerintah {
                XCTAssertFalse(izinkan)
                XCTAssertTrue(e.description.contains("SIKIM_BASIS_DATA_BARU"), e.description)
                XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/sikim.sqlite"), "nothing created")
            }
            try await lain.asyncShutdown()
        }
    }

    // MARK: Items 9–20

    /// Item 9: browsers drop a TAB from a URL, so `/\t/evil.example` would leave the site.
    func testLanjutDenganKarakterKendaliTetapLokal() async throws {
        for buruk in ["/\t/evil.example", "/ /evil.example", "/\u{7F}/x", "/\u{0B}/evil.example"] {
            XCTAssertEqual(MasukWeb.jalurAman(buruk), "/", buruk.debugDescription)
        }
        let b = Peramban(app)
        try await b.get("/masuk")
        let r = try await b.post("/masuk", ["username": "verif", "kata_sandi": "sandiuji12345", "lanjut": "/\t/evil.example"])
        XCTAssertEqual(r.headers.first(name: .location), "/")
    }

    /// Item 10: files saved for a change whose transaction does not commit are removed.
    func testBerkasDihapusBilaTransaksiGagal() async throws {
        let dikirim = try await laporan(try await api("pengurus"))
        let id = try XCTUnwrap(try dikirim.json()["id"] as? String)
        let m = try await XCTUnwrapAsync(await LaporanModel.find(UUID(uuidString: id), on: app.db))
        // Someone else changes the laporan after this request read it.
        try await (app.db as! any SQLDatabase).raw("UPDATE laporan SET versi = versi + 1").run()
        let verif = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).filter(\.$username == "verif").first())
        let pdf = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 66, count: 1000)
        do {
            try await app.layananLaporanUji.jalankan(.konfirmasi, pada: m, data: .init(catatan: "bukti", metode: .cekLapangan),
                                                     oleh: try verif.pelaku(),
                                                     lampiran: [FotoMasuk(nama: "bukti.pdf", bytes: pdf)])
            XCTFail("a stale decision was written")
        } catch is DiubahBersamaan {}
        let sisa = (try? FileManager.default.contentsOfDirectory(atPath: app.sikim.direktoriData + "/lampiran")) ?? []
        XCTAssertEqual(sisa, [])
    }

    /// Item 11: a chosen file of no bytes is an error, not silently no photo.
    func testFotoKosongDitolak() async throws {
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/laporan/baru?kategori=infrastruktur")
        let r = try await b.unggah("/laporan", berkas: [], namaBerkas: "kosong.jpg", tipe: "image/jpeg", bidang: [
            "kategori": "infrastruktur", "judul": "Jalan", "isi": "Rusak", "kode_wilayah": "36.04.05.2001", "kunci": "k"], namaBidang: "foto[]")
        XCTAssertEqual(r.status, .unprocessableEntity)
        XCTAssertTrue(r.body.string.contains("kosong"))
        let hasil6 = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(hasil6, 0)
    }

    /// Item 12: a form whose text is not UTF-8 is refused, as the API refuses such JSON.
    func testFormulirBukanUTF8Ditolak() async throws {
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/laporan/baru?kategori=infrastruktur")
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        let badan = "_csrf=\(Peramban.kode(b.csrf!))&kategori=infrastruktur&judul=Jalan%FF%FE&isi=Rusak&kode_wilayah=36.04.05.2001"
        let r = try await b.buka(.POST, "/laporan", headers: h, body: ByteBuffer(string: badan))
        XCTAssertEqual(r.status, .badRequest)
        XCTAssertTrue(r.body.string.contains("UTF-8"))
        let hasil7 = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(hasil7, 0)
        let (hm, bm) = Multipart.badan(["_csrf": b.csrf!, "kategori": "infrastruktur", "judul": "Jalan\u{FFFD}", "isi": "Rusak"], berkas: [],
                                       namaBerkas: "", tipe: "application/octet-stream", namaBidang: "foto[]")
        var mentah = Array(bm.readableBytesView)
        let i = try XCTUnwrap(mentah.firstRange(of: Array("Jalan\u{FFFD}".utf8)))
        mentah.replaceSubrange(i, with: Array("Jalan".utf8) + [0xFF, 0xFE, 0xFD])
        let rm = try await b.buka(.POST, "/laporan", headers: hm, body: ByteBuffer(bytes: mentah))
        XCTAssertEqual(rm.status, .badRequest)
    }

    /// Item 13: a malformed settings post changes nothing.
    func testPengaturanBurukTidakMengubahApaPun() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/pengaturan")
        let hasil8 = try await b.post("/pengaturan/ambang", ["aktif": "20", "kurang_aktif": "60", "awal": "20"]).status
        XCTAssertEqual(hasil8, .seeOther)
        try await b.get("/pengaturan")
        let buruk = try await b.post("/pengaturan/ambang", ["aktip": "x"])
        XCTAssertEqual(buruk.status, .unprocessableEntity)
        let ambang = try await LayananAktivitas(l: app.lingkungan).ambang()
        XCTAssertEqual(ambang, AmbangAktivitas(aktif: 20, kurangAktif: 60, awal: 20))
        try await b.get("/pengaturan")
        let hasil9 = try await b.post("/pengaturan/webhook", ["url": "https://gateway.contoh/sikim", "rahasia": "rahasia-panjang"]).status
        XCTAssertEqual(hasil9, .seeOther)
        try await b.get("/pengaturan")
        let tanpaURL = try await b.post("/pengaturan/webhook", ["rahasia": "lain"])
        XCTAssertEqual(tanpaURL.status, .unprocessableEntity)
        let hasil10 = try await RepositoriWebhook(db: app.db, jam: app.jam).pengaturan()?.url
        XCTAssertEqual(hasil10, "https://gateway.contoh/sikim")
    }

    /// Item 16: tokens end after their term; a user lists and revokes their own, not others'.
    func testTokenBerakhirDanDikelolaPemiliknya() async throws {
        let p = try await api("pengurus"), v = try await api("verif")
        let milik = try await p.kirim(.GET, "/api/v1/saya/token").data()
        XCTAssertEqual(milik.count, 1)
        XCTAssertNotNil(milik[0]["kedaluwarsa_pada"])
        let idP = try XCTUnwrap(milik[0]["id"] as? String)
        let hasil11 = try await v.kirim(.DELETE, "/api/v1/token/\(idP)").status
        XCTAssertEqual(hasil11, .notFound, "another user's token does not exist for them")
        let milikV = try await v.kirim(.GET, "/api/v1/saya/token")
        let idV = try XCTUnwrap(try milikV.data().first?["id"] as? String)
        let hasil12 = try await v.kirim(.DELETE, "/api/v1/token/\(idV)").status
        XCTAssertEqual(hasil12, .noContent)
        let hasil13 = try await v.kirim(.GET, "/api/v1/saya").status
        XCTAssertEqual(hasil13, .unauthorized)
        // The account page lists them too, with a way to revoke.
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        let hasil14 = try await b.get("/akun").body.string.contains("/token/\(idP)/cabut")
        XCTAssertTrue(hasil14)
        jam.maju(AturanToken.masaBerlaku + 1)
        let hasil15 = try await p.kirim(.GET, "/api/v1/saya").status
        XCTAssertEqual(hasil15, .unauthorized, "expired")
    }

    /// Item 17: the same Idempotency-Key with other content is refused, not answered with the first.
    func testKunciIdempotensiDenganIsiLainDitolak() async throws {
        let p = try await api("pengurus")
        let hasil16 = try await laporan(p, kunci: "kunci-1").status
        XCTAssertEqual(hasil16, .created)
        let hasil17 = try await laporan(p, kunci: "kunci-1").status
        XCTAssertEqual(hasil17, .ok, "a true retry is answered with the laporan")
        let lain = try await laporan(p, json: Self.laporanJSON.replacingOccurrences(of: "Jalan rusak", with: "Banjir"), kunci: "kunci-1")
        XCTAssertEqual(lain.status, .unprocessableEntity)
        XCTAssertEqual(try lain.kodeKesalahan(), "kunci_idempotensi_dipakai")
        let hasil18 = try await LaporanModel.query(on: app.db).count()
        XCTAssertEqual(hasil18, 1)
    }

    /// Item 18: `%` and `_` in a search are characters, not wildcards.
    func testCariTanpaWildcard() async throws {
        let p = try await api("pengurus")
        for judul in ["Diskon 50% di pasar", "Jalan_rusak", "Jalan rusak"] {
            _ = try await laporan(p, json: Self.laporanJSON.replacingOccurrences(of: "Jalan rusak", with: judul))
        }
        func cari(_ q: String) async throws -> [String] {
            try await p.kirim(.GET, "/api/v1/laporan?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)").data().compactMap { $0["judul"] as? String }.sorted()
        }
        let hasil19 = try await cari("%")
        XCTAssertEqual(hasil19, ["Diskon 50% di pasar"])
        let hasil20 = try await cari("_")
        XCTAssertEqual(hasil20, ["Jalan_rusak"])
        let hasil21 = try await cari("RUSAK")
        XCTAssertEqual(hasil21, ["Jalan rusak", "Jalan_rusak"], "still without case")
    }

    /// Item 19: a kegiatan recorded with photos says so in its answer.
    func testKegiatanAPIMenyebutFotonya() async throws {
        let p = try await api("pengurus")
        let (h, body) = Multipart.badan(["kim_id": kim.id!.uuidString, "jenis": "rapat_pengurus", "tanggal": "2024-05-16", "tempat": "Balai",
                                         "uraian": "Rapat bulanan"], berkas: GambarUji.jpeg, namaBerkas: "rapat.jpg", tipe: "image/jpeg", namaBidang: "foto[]")
        var hh = h
        hh.bearerAuthorization = .init(token: p.token!)
        let r = try await app.sendRequest(.POST, "/api/v1/kegiatan", headers: hh, body: body)
        XCTAssertEqual(r.status, .created, r.body.string)
        let foto = try XCTUnwrap(try r.json()["foto"] as? [String])
        XCTAssertEqual(foto.count, 1)
        let hasil22 = try await p.kirim(.GET, "/api/v1/kegiatan?kim_id=\(kim.id!)").data().first?["foto"] as? [String]
        XCTAssertEqual(hasil22, foto)
    }

    /// Photos stored before this release lose their metadata once, at the first start after it.
    func testFotoLamaDibersihkanSekali() async throws {
        // setup: a photo stored as an older release stored it, with its metadata
        let b = Peramban(app)
        try await b.masuk("pengurus", "sandiuji12345")
        try await b.get("/laporan/baru?kategori=infrastruktur")
        _ = try await b.unggah("/laporan", berkas: GambarUji.jpegExif, namaBerkas: "a.jpg", tipe: "image/jpeg", bidang: [
            "kategori": "infrastruktur", "judul": "Jalan", "isi": "Rusak", "kode_wilayah": "36.04.05.2001", "kunci": "k"], namaBidang: "foto[]")
        let f = try await XCTUnwrapAsync(await FotoLaporanModel.query(on: app.db).first())
        let jalur = app.sikim.direktoriData + "/foto/" + f.berkas
        try Data(GambarUji.jpegExif).write(to: URL(fileURLWithPath: jalur))
        try await PenandaModel.find(BersihkanFoto.kunciPenanda, on: app.db)?.delete(on: app.db)
        let layanan = BersihkanFoto(db: app.db, direktoriData: app.sikim.direktoriData, jam: app.jam)
        // act
        let pertama = try await layanan.sekaliSaja(), kedua = try await layanan.sekaliSaja()
        // check
        XCTAssertEqual(pertama, 1)
        XCTAssertNil(kedua, "once only")
        let bersih = try MetadataGambar.bersihkan(GambarUji.jpegExif, jenis: .jpeg)
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: jalur))), bersih)
        let segar = try await XCTUnwrapAsync(await FotoLaporanModel.find(f.id, on: app.db))
        XCTAssertEqual(segar.ukuran, bersih.count)
        XCTAssertEqual(segar.sha256, SHA256.hash(data: bersih).hex)
    }
}
