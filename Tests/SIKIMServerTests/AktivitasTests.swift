import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class AktivitasServerTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-01-05T03:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    /// A KIM legalised today with a complete board, and its pengurus account.
    @discardableResult
    func kimAktif(_ kode: String, pengurus: String) async throws -> KimModel {
        let kim = try await Uji.kim(app, kode, lengkap: true)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2026-01-02"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
        try await Uji.pengguna(app, pengurus, .pengurusKim, kim: kim)
        return kim
    }

    /// Issue 20: the phone's outbox sends a kegiatan again when an answer was lost; the same
    /// key stores it once and answers it again.
    func testKegiatanDenganKunciYangSamaDisimpanSekali() async throws {
        // setup
        let kim = try await kimAktif("36.04.05.2001", pengurus: "pengurus")
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: p.token!)
        h.contentType = .json
        h.replaceOrAdd(name: "Idempotency-Key", value: "ponsel-kegiatan-1")
        let json = #"{"kim_id":"\#(kim.id!)","jenis":"sosialisasi","tanggal":"2026-01-05","tempat":"Balai desa","uraian":"Sosialisasi cek fakta"}"#
        // act
        let pertama = try await app.sendRequest(.POST, "/api/v1/kegiatan", headers: h, body: ByteBuffer(string: json))
        let kedua = try await app.sendRequest(.POST, "/api/v1/kegiatan", headers: h, body: ByteBuffer(string: json))
        // check
        XCTAssertEqual(pertama.status, .created, pertama.body.string)
        XCTAssertEqual(kedua.status, .ok)
        XCTAssertEqual(kedua.headers.first(name: "Idempotent-Replayed"), "true")
        XCTAssertEqual(try pertama.json()["id"] as? String, try kedua.json()["id"] as? String)
        let jumlah = try await KegiatanModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)
    }

    func testKegiatanMenjagaKimTetapAktif() async throws {
        let kim = try await kimAktif("36.04.05.2001", pengurus: "pengurus")
        let lain = try await kimAktif("36.04.05.2002", pengurus: "pengurus2")
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        var status = try await p.kirim(.GET, "/api/v1/kim/\(kim.id!)").json()["status_aktivitas"] as? String
        XCTAssertEqual(status, "aktif", "within the first 30 days after legalisation")

        jam.maju(20 * 86_400) // 25 January
        let res = try await p.kirim(.POST, "/api/v1/kegiatan", json: """
        {"kim_id":"\(kim.id!)","jenis":"sosialisasi","tanggal":"2026-01-24","tempat":"Balai desa","uraian":"Sosialisasi program","peserta":45}
        """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let luar = try await p.kirim(.POST, "/api/v1/kegiatan", json: """
        {"kim_id":"\(lain.id!)","jenis":"sosialisasi","tanggal":"2026-01-24","tempat":"x","uraian":"y"}
        """)
        XCTAssertNotEqual(luar.status, .created, "only the KIM's own board records its activities")

        jam.maju(40 * 86_400) // 6 March: 41 days after the kegiatan, 63 days after legalisation
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let daftar = try await admin.kirim(.GET, "/api/v1/kim?status=aktif").data()
        let per = Dictionary(uniqueKeysWithValues: daftar.map { ($0["id"] as! String, $0["status_aktivitas"] as? String) })
        XCTAssertEqual(per[kim.id!.uuidString], "kurang_aktif")
        XCTAssertEqual(per[lain.id!.uuidString], "tidak_aktif", "nothing in the first 30 days after legalisation")
        status = try await admin.kirim(.GET, "/api/v1/kim/\(kim.id!)").json()["aktivitas_terakhir"] as? String
        XCTAssertEqual(status, "2026-01-24")

        // a laporan counts as activity too
        _ = try await (try await KlienAPI.masuk(app, "pengurus2", "sandiuji12345")).kirim(.POST, "/api/v1/laporan", json: """
        {"kategori":"lingkungan","judul":"Sungai tercemar","isi":"Air berwarna hitam","kode_wilayah":"36.04.05.2002"}
        """)
        let sesudah = try await admin.kirim(.GET, "/api/v1/kim/\(lain.id!)").json()
        XCTAssertEqual(sesudah["status_aktivitas"] as? String, "aktif")

        let kegiatan = try await p.kirim(.GET, "/api/v1/kegiatan").data()
        XCTAssertEqual(kegiatan.map { $0["uraian"] as? String }, ["Sosialisasi program"])
        let opd = try await Uji.pengguna(app, "opd", .opd, opd: "bpbd")
        _ = opd
        let dilarang = try await (try await KlienAPI.masuk(app, "opd", "sandiuji12345")).kirim(.GET, "/api/v1/kegiatan")
        XCTAssertEqual(dilarang.status, .forbidden)
        let publik = try await KlienAPI(app: app).kirim(.GET, "/api/v1/kegiatan")
        XCTAssertEqual(publik.status, .unauthorized)
    }

    func testDaftarPerluPembinaanDanCatatan() async throws {
        let kim = try await kimAktif("36.04.05.2001", pengurus: "pengurus")
        try await kimAktif("36.04.06.2001", pengurus: "pengurus2")
        try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        jam.maju(40 * 86_400)
        let b = Peramban(app)
        try await b.masuk("opkec", "sandiuji12345")
        let html = try await b.get("/kim/pembinaan").body.string
        XCTAssertTrue(html.contains(#"<span id="jumlah-pembinaan">1</span>"#), "only the operator's own kecamatan")
        XCTAssertTrue(html.contains("KIM Desa Kramatwatu"))
        XCTAssertTrue(html.contains("0812-3456-7890"), "the ketua's phone, to call")
        try await b.get("/kim/\(kim.id!)")
        let catat = try await b.post("/kim/\(kim.id!)/pembinaan", ["jenis": "telepon", "catatan": "Ketua dihubungi, rapat dijadwalkan"])
        XCTAssertEqual(catat.status, .seeOther)
        let lagi = try await b.get("/kim/pembinaan").body.string
        XCTAssertTrue(lagi.contains("Ketua dihubungi, rapat dijadwalkan"))
        let kosong = try await b.post("/kim/\(kim.id!)/pembinaan", ["jenis": "telepon", "catatan": " "])
        XCTAssertEqual(kosong.status, .unprocessableEntity)
        XCTAssertTrue(kosong.body.string.contains("Catatan pembinaan wajib diisi."))

        // a kegiatan recorded in the browser brings the KIM back
        let p = Peramban(app)
        try await p.masuk("pengurus", "sandiuji12345")
        try await p.get("/kim/\(kim.id!)")
        let k = try await p.unggah("/kim/\(kim.id!)/kegiatan", berkas: GambarUji.jpeg, namaBerkas: "rapat.jpg", tipe: "image/jpeg",
                                   bidang: ["jenis": "rapat_pengurus", "tanggal": Tanggal(jam.sekarang).iso, "tempat": "Rumah ketua",
                                            "uraian": "Rapat pengurus bulanan", "peserta": "9"], namaBidang: "foto[]")
        XCTAssertEqual(k.status, .seeOther, k.body.string)
        let halaman = try await p.get("/kim/\(kim.id!)").body.string
        XCTAssertTrue(halaman.contains(#"<span class="aktivitas aktivitas-aktif" id="status-aktivitas" data-bidang="status_aktivitas">Aktif</span>"#))
        XCTAssertTrue(halaman.contains("Rapat pengurus bulanan"))
        try await b.masuk("opkec", "sandiuji12345")
        let akhir = try await b.get("/kim/pembinaan").body.string
        XCTAssertTrue(akhir.contains(#"<span id="jumlah-pembinaan">0</span>"#))
    }

    func testAmbangDiubahAdmin() async throws {
        let kim = try await kimAktif("36.04.05.2001", pengurus: "pengurus")
        jam.maju(20 * 86_400)
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/pengaturan")
        let salah = try await b.post("/pengaturan/ambang", ["aktif": "30", "kurang_aktif": "20", "awal": "10"])
        XCTAssertEqual(salah.status, .unprocessableEntity, salah.body.string)
        let ok = try await b.post("/pengaturan/ambang", ["aktif": "10", "kurang_aktif": "60", "awal": "10"])
        XCTAssertEqual(ok.status, .seeOther)
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let s = try await admin.kirim(.GET, "/api/v1/kim/\(kim.id!)").json()["status_aktivitas"] as? String
        XCTAssertEqual(s, "tidak_aktif", "no activity in the first 10 days after legalisation")
    }
}

final class PemeriksaBerkalaTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-01-05T03:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testTenggatLewatDanKimTidakAktifDiberitahukanSekali() async throws {
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2026-01-02"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
        let opkec = try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        let opkecLain = try await Uji.pengguna(app, "opkec.lain", .operatorKecamatan, wilayah: "36.04.06")
        let verif = try await Uji.pengguna(app, "verif", .verifikator)
        let pengurus = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        var isian = IsianLaporan()
        (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = ("lingkungan", "Sampah", "Menumpuk", "36.04.05.2001")
        _ = try await Uji.layananLaporan(app).buat(isian, foto: [], oleh: try pengurus.pelaku(), kunci: nil)
        let pemeriksa = PemeriksaBerkala(l: app.lingkungan)

        func jumlah(_ u: PenggunaModel, _ awal: String) async throws -> Int {
            try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == u.id!).filter(\.$judul =~ awal).count()
        }
        try await pemeriksa.jalankan()
        var n = try await jumlah(verif, "Tenggat")
        XCTAssertEqual(n, 0, "Monday's laporan is due Thursday")
        jam.maju(4 * 86_400) // Friday
        try await pemeriksa.jalankan()
        try await pemeriksa.jalankan()
        n = try await jumlah(verif, "Tenggat verifikasi laporan LAP-2026-000001 sudah lewat.")
        XCTAssertEqual(n, 1, "once, however often the check runs")

        // 60 days later without activity since the laporan: the KIM turns inactive
        jam.maju(100 * 86_400)
        try await pemeriksa.jalankan()
        try await pemeriksa.jalankan()
        n = try await jumlah(opkec, "KIM Desa Kramatwatu kini tidak aktif")
        XCTAssertEqual(n, 1)
        n = try await jumlah(opkecLain, "KIM Desa Kramatwatu")
        XCTAssertEqual(n, 0, "only the operators of that area")
        let riwayat = try await RiwayatAktivitasModel.query(on: app.db).sort(\.$tanggal).all().map(\.status)
        XCTAssertEqual(riwayat, ["aktif", "tidak_aktif"])

        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let html = try await b.get("/dasbor?dari=2026-01-01&sampai=2026-04-30").body.string
        XCTAssertTrue(html.contains("Tren aktivitas KIM"))
        // The chart's data table ends on the period's last day: the KIM counted as inactive
        let tabel = try XCTUnwrap(html.range(of: "id=\"tabel-tren\"").map { html[$0.upperBound...].components(separatedBy: "</table>")[0] })
        let baris = tabel.components(separatedBy: "<tr>").dropFirst(2).map { $0.replacingOccurrences(of: "<td class=\"angka\">", with: "|") }
        XCTAssertTrue(baris.last?.hasPrefix("<td>Kamis, 30 April 2026</td>|0</td>|0</td>|1</td>") ?? false, baris.last ?? "no rows")
    }

    /// A backlog is read in parts; every part is checked, none twice.
    func testTenggatDiperiksaPerBagian() async throws {
        let pengurus = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2001"))
        let verif = try await Uji.pengguna(app, "verif", .verifikator)
        var isian = IsianLaporan()
        (isian.kategori, isian.isi, isian.kodeWilayah) = ("lingkungan", "Menumpuk", "36.04.05.2001")
        for i in 1...5 {
            isian.judul = "Sampah \(i)"
            _ = try await Uji.layananLaporan(app).buat(isian, foto: [], oleh: try pengurus.pelaku(), kunci: nil)
        }
        jam.maju(10 * 86_400)
        try await PemeriksaBerkala(l: app.lingkungan, ukuranBagian: 2).jalankan()
        let judul = try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == verif.id!).filter(\.$judul =~ "Tenggat").all().map(\.judul)
        XCTAssertEqual(judul.sorted(), (1...5).map { "Tenggat verifikasi laporan LAP-2026-00000\($0) sudah lewat." })
    }

    /// The check reads only what can have become overdue since its last run, so a laporan
    /// whose stage changed after its new deadline had already passed must still be noticed.
    func testTenggatTahapBaruYangSudahLewatTetapDiberitahukan() async throws {
        let akun = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first())
        let admin = try akun.pelaku()
        let opd = try await Uji.pengguna(app, "dpmptsp", .opd, opd: "dpmptsp")
        var isian = IsianLaporan()
        (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = ("lingkungan", "Sampah", "Menumpuk", "36.04.05.2001")
        let layanan = Uji.layananLaporan(app)
        let pengurus = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2001"))
        let (m, _, _) = try await layanan.buat(isian, foto: [], oleh: try pengurus.pelaku(), kunci: nil)
        try await layanan.jalankan(.konfirmasi, pada: m, data: .init(catatan: "ok", metode: .cekLapangan), oleh: admin)
        try await layanan.jalankan(.teruskan, pada: m, data: .init(catatan: "tolong", opd: ["dpmptsp"]), oleh: admin)
        let pemeriksa = PemeriksaBerkala(l: app.lingkungan)
        func judul() async throws -> [String] {
            try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == opd.id!).filter(\.$judul =~ "Tenggat").all().map(\.judul).sorted()
        }

        jam.maju(30 * 86_400) // past both the OPD's 5 and the closing's 10 working days
        try await pemeriksa.jalankan()
        var n = try await judul()
        XCTAssertEqual(n, ["Tenggat tanggapan OPD laporan LAP-2026-000001 sudah lewat."])
        let diperiksa = try await XCTUnwrapAsync(await PenandaModel.find(PemeriksaBerkala.kunciTenggat, on: app.db))
        XCTAssertEqual(diperiksa.waktu, jam.sekarang, "the next check starts from this one")

        jam.maju(3600)
        try await layanan.jalankan(.terima, pada: m, data: .init(catatan: "diterima"), oleh: admin) // now toward closing, long overdue
        jam.maju(60)
        try await pemeriksa.jalankan()
        n = try await judul()
        XCTAssertEqual(n, ["Tenggat penyelesaian laporan LAP-2026-000001 sudah lewat.", "Tenggat tanggapan OPD laporan LAP-2026-000001 sudah lewat."])
    }
}
