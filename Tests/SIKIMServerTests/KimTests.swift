import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

final class KimTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2024-05-20T03:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    static let papan = """
    [{"nama":"Ahmad Fauzi","jabatan":"ketua","jenis_kelamin":"L","nomor_hp":"0812-3456-7890","tahun_lahir":1980},
     {"nama":"Siti Rohmah","jabatan":"sekretaris","jenis_kelamin":"P","nomor_hp":"081311112222","tahun_lahir":"1990"},
     {"nama":"Dedi Supriadi","jabatan":"bendahara","jenis_kelamin":"L","nomor_hp":"+62 857 3333 4444","tahun_lahir":1985}]
    """

    func buatLewatAPI(_ k: KlienAPI, _ kode: String = "36.04.05.2001", papan: String = papan) async throws -> XCTHTTPResponse {
        let tingkat = KodeWilayah(kode)!.tingkat == .desa ? "desa" : "kecamatan"
        return try await k.kirim(.POST, "/api/v1/kim", json: """
        {"tingkat":"\(tingkat)","kode_wilayah":"\(kode)","tanggal_pembentukan":"2024-05-16","tempat_pembentukan":"Aula Desa",
         "jumlah_hadir":30,"fokus":["Pariwisata","UMKM"],"pengurus":\(papan)}
        """)
    }

    func transisi(_ k: KlienAPI, _ id: String, _ json: String) async throws -> XCTHTTPResponse {
        try await k.kirim(.POST, "/api/v1/kim/\(id)/transisi", json: json)
    }

    /// Issue 19: the operators who must legalise a KIM hear of it when it reaches them, and no one else does.
    func testOperatorDiberitahuSaatKimMenungguPengesahannya() async throws {
        // setup
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let opDesa = try await Uji.pengguna(app, "op.desa", .operatorDesa, wilayah: "36.04.05.2001")
        let opKec = try await Uji.pengguna(app, "op.kec", .operatorKecamatan, wilayah: "36.04.05")
        let lain = try await Uji.pengguna(app, "op.lain", .operatorDesa, wilayah: "36.04.05.2002")
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).filter(\.$username == "admin").first()),
                           aktor: Aktor(id: UUID(), penugasan: .admin))
        func jumlah(_ p: PenggunaModel) async throws -> [String] {
            try await NotifikasiModel.query(on: app.db).filter(\.$penggunaID == p.id!).all().map(\.judul)
        }
        // act, check: submitted, it waits for the desa
        _ = try await Uji.layananKim(app).transisi(kim, aksi: .ajukan, data: DataTransisi(), oleh: admin)
        let pesan = "\(kim.nama) menunggu pengesahan Anda."
        var d = try await jumlah(opDesa), k = try await jumlah(opKec)
        XCTAssertEqual(d, [pesan])
        XCTAssertEqual(k, [])
        // legalised by the desa, it waits for the kecamatan
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-19"))
        _ = try await Uji.layananKim(app).transisi(kim, aksi: .sahkanDesa, data: sk, oleh: admin)
        (d, k) = (try await jumlah(opDesa), try await jumlah(opKec))
        XCTAssertEqual(d, [pesan], "the desa's step is done")
        XCTAssertEqual(k, [pesan])
        _ = try await Uji.layananKim(app).transisi(kim, aksi: .sahkanKecamatan, data: sk, oleh: admin)
        k = try await jumlah(opKec)
        XCTAssertEqual(k.count, 1, "active: no one waits")
        let l = try await jumlah(lain)
        XCTAssertEqual(l, [], "another desa's operator hears nothing")
    }

    func testBuatKimDenganPengurusLewatAPI() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let res = try await buatLewatAPI(admin)
        XCTAssertEqual(res.status, .created, res.body.string)
        let j = try res.json()
        XCTAssertEqual(j["nama"] as? String, "KIM Desa Kramatwatu")
        XCTAssertEqual(j["tingkat"] as? String, "desa")
        XCTAssertEqual(j["status"] as? String, "draf")
        XCTAssertEqual(j["tanggal_pembentukan"] as? String, "2024-05-16")
        XCTAssertEqual(j["fokus"] as? [String], ["pariwisata", "umkm"])
        let p = try XCTUnwrap(j["pengurus"] as? [[String: Any]])
        XCTAssertEqual(p.map { $0["jabatan"] as? String }, ["ketua", "sekretaris", "bendahara"])
        XCTAssertEqual(p.map { $0["nomor_hp"] as? String }, ["+6281234567890", "+6281311112222", "+6285733334444"])
        XCTAssertEqual(p[0]["masa_bakti_selesai"] as? String, "2027-05-16")
        XCTAssertEqual(p[1]["jenis_kelamin"] as? String, "P")
    }

    func testIsianBurukDitolakDenganPesanPerBidang() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let buruk = try await buatLewatAPI(admin, papan: """
        [{"nama":"","jabatan":"raja","jenis_kelamin":"X","nomor_hp":"123","tahun_lahir":2015}]
        """)
        XCTAssertEqual(buruk.status, .unprocessableEntity)
        let rincian = try XCTUnwrap((try buruk.json()["error"] as? [String: Any])?["rincian"] as? [[String: Any]])
        XCTAssertEqual(Set(rincian.compactMap { $0["bidang"] as? String }),
                       ["pengurus[0].nama", "pengurus[0].jabatan", "pengurus[0].jenis_kelamin", "pengurus[0].nomor_hp", "pengurus[0].tahun_lahir"])
        let tingkat = try await admin.kirim(.POST, "/api/v1/kim", json: #"{"tingkat":"desa","kode_wilayah":"36.04.05"}"#)
        XCTAssertEqual(tingkat.status, .unprocessableEntity)
        XCTAssertEqual(try tingkat.pesanKesalahan(), "Pilih desa di Kabupaten Serang untuk KIM tingkat desa.")
        let masaDepan = try await admin.kirim(.POST, "/api/v1/kim", json: #"{"tingkat":"desa","kode_wilayah":"36.04.05.2001","tanggal_pembentukan":"2024-06-01"}"#)
        XCTAssertEqual(try masaDepan.pesanKesalahan(), "Tanggal pembentukan tidak boleh di masa depan.")
        let jumlah = try await KimModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0)
    }

    func testSatuKimPerWilayahSelamaBelumDibubarkan() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let id = try idKim(await buatLewatAPI(admin))
        let kedua = try await buatLewatAPI(admin)
        XCTAssertEqual(kedua.status, .conflict)
        XCTAssertEqual(try kedua.kodeKesalahan(), "kim_sudah_ada")
        XCTAssertEqual(try kedua.pesanKesalahan(), "Wilayah ini sudah memiliki KIM: KIM Desa Kramatwatu.")
        // the database itself refuses a second live KIM for the region
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        var gagal = false
        do {
            try await sql.raw("UPDATE kim SET kode_wilayah = '36.04.05.2001' WHERE id <> \(bind: UUID(uuidString: id)!)").run()
            let lain = try await Uji.kim(app, "36.04.05.2002")
            try await sql.raw("UPDATE kim SET kode_wilayah = '36.04.05.2001' WHERE id = \(bind: lain.id!)").run()
        } catch { gagal = true }
        XCTAssertTrue(gagal, "unique index kim_satu_per_wilayah")
        // once dissolved, the region may form a new KIM
        let bubar = try await transisi(admin, id, #"{"ke":"dibubarkan","catatan":"Pengurus mengundurkan diri"}"#)
        XCTAssertEqual(try bubar.json()["status"] as? String, "dibubarkan")
        let baru = try await buatLewatAPI(admin)
        XCTAssertEqual(baru.status, .created)
    }

    /// The full legalisation journey by the people who own each step.
    func testPengesahanDesaLaluKecamatanOlehOperatornya() async throws {
        try await Uji.pengguna(app, "opdesa", .operatorDesa, wilayah: "36.04.05.2001")
        try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        let desa = try await KlienAPI.masuk(app, "opdesa", "sandiuji12345")
        let kec = try await KlienAPI.masuk(app, "opkec", "sandiuji12345")
        let id = try idKim(await buatLewatAPI(desa))

        let terlalu = try await transisi(kec, id, #"{"ke":"disahkan_kecamatan","nomor_sk":"1","tanggal_sk":"2024-05-18"}"#)
        XCTAssertEqual(terlalu.status, .conflict)
        XCTAssertEqual(try terlalu.kodeKesalahan(), "transisi_ditolak")
        XCTAssertEqual(try terlalu.pesanKesalahan(), "Pengesahan kecamatan tidak dapat dilakukan: KIM berstatus draf.")

        let ajukan = try await transisi(desa, id, #"{"ke":"diajukan"}"#)
        XCTAssertEqual(try ajukan.json()["status"] as? String, "diajukan")
        let kecDulu = try await transisi(kec, id, #"{"ke":"disahkan_kecamatan","nomor_sk":"1","tanggal_sk":"2024-05-18"}"#)
        XCTAssertEqual(try kecDulu.pesanKesalahan(), "KIM desa harus disahkan kepala desa sebelum disahkan camat.")
        let bukanDesa = try await transisi(kec, id, #"{"ke":"disahkan_desa","nomor_sk":"1","tanggal_sk":"2024-05-18"}"#)
        XCTAssertEqual(try bukanDesa.pesanKesalahan(), "Pengesahan desa hanya oleh operator desa tersebut atau admin kabupaten.")
        let tanpaSK = try await transisi(desa, id, #"{"ke":"disahkan_desa"}"#)
        XCTAssertEqual(try tanpaSK.pesanKesalahan(), "Nomor SK pengesahan wajib diisi.")

        let sahDesa = try await transisi(desa, id, #"{"ke":"disahkan_desa","nomor_sk":"141/12/2024","tanggal_sk":"2024-05-17"}"#)
        XCTAssertEqual(try sahDesa.json()["status"] as? String, "disahkan_desa")
        let sahKec = try await transisi(kec, id, #"{"ke":"disahkan_kecamatan","nomor_sk":"400/7/Kec","tanggal_sk":"2024-05-18"}"#)
        XCTAssertEqual(sahKec.status, .ok)
        XCTAssertEqual(try sahKec.json()["status"] as? String, "aktif", "the last legalisation makes the KIM active")
        XCTAssertEqual((try sahKec.json()["sk_kecamatan"] as? [String: Any])?["nomor"] as? String, "400/7/Kec")

        let riwayat = try await desa.kirim(.GET, "/api/v1/kim/\(id)/transisi").data()
        XCTAssertEqual(riwayat.map { "\($0["dari"]!)>\($0["ke"]!)" },
                       ["draf>diajukan", "diajukan>disahkan_desa", "disahkan_desa>disahkan_kecamatan", "disahkan_kecamatan>aktif"])
        XCTAssertEqual(riwayat.map { $0["peran"] as? String }, ["operator_desa", "operator_desa", "operator_kecamatan", "operator_kecamatan"])
        XCTAssertEqual(riwayat[2]["nomor_sk"] as? String, "400/7/Kec")
        XCTAssertNil(riwayat[3]["nomor_sk"])
    }

    func testKimBelumLengkapTidakDapatDiajukan() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let res = try await admin.kirim(.POST, "/api/v1/kim", json: #"{"tingkat":"kecamatan","kode_wilayah":"36.04.05"}"#)
        let id = try XCTUnwrap(try res.json()["id"] as? String)
        XCTAssertEqual(try res.json()["nama"] as? String, "KIM Kecamatan Kramatwatu")
        let ajukan = try await transisi(admin, id, #"{"ke":"diajukan"}"#)
        XCTAssertEqual(ajukan.status, .conflict)
        XCTAssertEqual(try ajukan.pesanKesalahan(), "KIM belum dapat diajukan: Tanggal pembentukan belum diisi. Tempat pembentukan belum diisi. Pengurus minimal 3 orang. Pengurus harus memiliki satu ketua. Pengurus harus memiliki sekretaris. Pengurus harus memiliki bendahara.")
        let tidakDikenal = try await transisi(admin, id, #"{"ke":"terbang"}"#)
        XCTAssertEqual(tidakDikenal.status, .badRequest)
    }

    func testSusunanPengurusTetapLengkapSetelahDiajukan() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let kim = try await buatLewatAPI(admin).json()
        let id = try XCTUnwrap(kim["id"] as? String)
        let ketua = try XCTUnwrap((kim["pengurus"] as? [[String: Any]])?.first?["id"] as? String)
        _ = try await transisi(admin, id, #"{"ke":"diajukan"}"#)
        let hapus = try await admin.kirim(.DELETE, "/api/v1/kim/\(id)/pengurus/\(ketua)")
        XCTAssertEqual(hapus.status, .unprocessableEntity)
        XCTAssertEqual(try hapus.pesanKesalahan(), "Susunan pengurus KIM yang sudah diajukan harus tetap lengkap: Pengurus minimal 3 orang.")
        let tambah = try await admin.kirim(.POST, "/api/v1/kim/\(id)/pengurus",
                                           json: #"{"nama":"Rina","jabatan":"anggota","jenis_kelamin":"P","nomor_hp":"085700001111","tahun_lahir":1999}"#)
        XCTAssertEqual(tambah.status, .created)
        let ubah = try await admin.kirim(.PATCH, "/api/v1/kim/\(id)/pengurus/\(ketua)", json: #"{"nomor_hp":"0812 9999 0000"}"#)
        XCTAssertEqual(try ubah.json()["nomor_hp"] as? String, "+6281299990000")
        let jumlah = try await admin.kirim(.GET, "/api/v1/kim/\(id)/pengurus").data().count
        XCTAssertEqual(jumlah, 4)
    }

    func testOperatorKecamatanLainTidakMelihatAtauMengubah() async throws {
        try await Uji.pengguna(app, "opkec.b", .operatorKecamatan, wilayah: "36.04.06")
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let id = try idKim(await buatLewatAPI(admin))
        let lain = try await KlienAPI.masuk(app, "opkec.b", "sandiuji12345")
        for (m, path, json) in [(HTTPMethod.GET, "/api/v1/kim/\(id)", nil), (.PATCH, "/api/v1/kim/\(id)", #"{"alamat":"x"}"#),
                                (.POST, "/api/v1/kim/\(id)/transisi", #"{"ke":"diajukan"}"#), (.GET, "/api/v1/kim/\(id)/pengurus", nil)] {
            let res = try await lain.kirim(m, path, json: json)
            XCTAssertEqual(res.status, .notFound, "\(m) \(path)")
        }
        let daftar = try await lain.kirim(.GET, "/api/v1/kim").data()
        XCTAssertTrue(daftar.isEmpty)
        let buat = try await buatLewatAPI(lain, "36.04.05.2002")
        XCTAssertEqual(buat.status, .forbidden, "no KIM outside the operator's kecamatan")
        let b = Peramban(app)
        try await b.masuk("opkec.b", "sandiuji12345")
        let halaman = try await b.get("/kim/\(id)")
        XCTAssertEqual(halaman.status, .notFound)
        let cetak = try await b.get("/kim/\(id)/berita-acara")
        XCTAssertEqual(cetak.status, .notFound)
    }

    func testPublikHanyaMelihatDirektoriTanpaNomorTelepon() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let id = try idKim(await buatLewatAPI(admin))
        let draf = try idKim(await buatLewatAPI(admin, "36.04.05.2002"))
        _ = try await transisi(admin, id, #"{"ke":"diajukan"}"#)
        _ = try await transisi(admin, id, #"{"ke":"disahkan_desa","nomor_sk":"1","tanggal_sk":"2024-05-17"}"#)
        _ = try await transisi(admin, id, #"{"ke":"aktif","nomor_sk":"2","tanggal_sk":"2024-05-18"}"#)
        _ = try await admin.kirim(.PATCH, "/api/v1/kim/\(id)", json: #"{"telepon":"0254-123456","email":"kim@contoh.id"}"#)
        let publik = try await KlienAPI(app: app).kirim(.GET, "/api/v1/kim")
        let data = try publik.data()
        XCTAssertEqual(data.compactMap { $0["id"] as? String }, [id], "only the legalised, active KIM; not \(draf)")
        XCTAssertNil(data[0]["pengurus"])
        XCTAssertNil(data[0]["telepon"])
        for rahasia in ["+6281234567890", "Ahmad Fauzi", "+62254123456", "kim@contoh.id"] {
            XCTAssertFalse(publik.body.string.contains(rahasia), rahasia)
        }
        let html = try await app.sendRequest(.GET, "/direktori").body.string
        XCTAssertTrue(html.contains("KIM Desa Kramatwatu"))
        for rahasia in ["0812-3456-7890", "Ahmad Fauzi", "0254-123456"] { XCTAssertFalse(html.contains(rahasia), rahasia) }
        // An active KIM reads as the directory shows it: no people, no contacts.
        let detail = try await KlienAPI(app: app).kirim(.GET, "/api/v1/kim/\(id)")
        XCTAssertEqual(detail.status, .ok)
        XCTAssertNil(try detail.json()["pengurus"])
        for rahasia in ["0812-3456-7890", "Ahmad Fauzi", "0254-123456"] { XCTAssertFalse(detail.body.string.contains(rahasia), rahasia) }
    }

    func testPengurusHanyaMengubahKontakKimSendiri() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let lain = try await Uji.kim(app, "36.04.05.2002")
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let kontak = try await p.kirim(.PATCH, "/api/v1/kim/\(kim.id!)", json: #"{"email":"kimkramatwatu@gmail.com","telepon":"0812-1111-2222"}"#)
        XCTAssertEqual(kontak.status, .ok, kontak.body.string)
        XCTAssertEqual(try kontak.json()["email"] as? String, "kimkramatwatu@gmail.com")
        let nama = try await p.kirim(.PATCH, "/api/v1/kim/\(kim.id!)", json: #"{"nama":"KIM Baru"}"#)
        XCTAssertEqual(nama.status, .forbidden)
        let luar = try await p.kirim(.GET, "/api/v1/kim/\(lain.id!)")
        XCTAssertEqual(luar.status, .notFound)
        let daftar = try await p.kirim(.GET, "/api/v1/kim").data().compactMap { $0["id"] as? String }
        XCTAssertEqual(daftar, [kim.id!.uuidString])
        let sahkan = try await transisi(p, kim.id!.uuidString, #"{"ke":"diajukan"}"#)
        XCTAssertEqual(sahkan.status, .conflict)
    }

    // MARK: Documents

    func testUnggahDokumenDikenaliDariIsinya() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "opkec.b", .operatorKecamatan, wilayah: "36.04.06")
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/kim/\(kim.id!)")
        let pdf = Array("%PDF-1.7\n1 0 obj\n".utf8) + [UInt8](repeating: 65, count: 40_000)
        let res = try await b.unggah("/kim/\(kim.id!)/dokumen", berkas: pdf, namaBerkas: "sk-desa.pdf", tipe: "application/pdf",
                                     bidang: ["jenis": "sk_desa"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let d = try await XCTUnwrapAsync(await DokumenKimModel.query(on: app.db).first())
        XCTAssertEqual(d.tipeMime, "application/pdf")
        XCTAssertEqual(d.ukuran, pdf.count)
        XCTAssertEqual(d.sha256, SHA256.hash(data: pdf).hex)
        XCTAssertFalse(d.berkas.contains("sk-desa"), "stored under a generated name")

        try await b.get("/kim/\(kim.id!)")
        let exe = Array("MZ\u{90}\u{0}This program cannot be run in DOS mode".utf8)
        let tolak = try await b.unggah("/kim/\(kim.id!)/dokumen", berkas: exe, namaBerkas: "sk-kecamatan.pdf", tipe: "application/pdf",
                                       bidang: ["jenis": "sk_kecamatan"])
        XCTAssertEqual(tolak.status, .unprocessableEntity)
        XCTAssertTrue(tolak.body.string.contains("Jenis berkas tidak diterima: unggah PDF, JPEG atau PNG."))
        let jumlah = try await DokumenKimModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)

        let unduh = try await b.get("/kim/\(kim.id!)/dokumen/\(d.id!)")
        XCTAssertEqual(unduh.status, .ok)
        XCTAssertEqual(Array(unduh.body.readableBytesView), pdf)
        XCTAssertEqual(unduh.headers.first(name: .contentType), "application/pdf")
        let lain = Peramban(app)
        try await lain.masuk("opkec.b", "sandiuji12345")
        let ditolak = try await lain.get("/kim/\(kim.id!)/dokumen/\(d.id!)")
        XCTAssertEqual(ditolak.status, .notFound)
    }

    func testBeritaAcaraDanPernyataanDariDataTersimpan() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let ba = try await b.get("/kim/\(kim.id!)/berita-acara").body.string
        XCTAssertTrue(ba.contains("Pada hari Kamis tanggal enam belas bulan Mei tahun dua ribu dua puluh empat, bertempat di Aula Kantor Desa, Desa Kramatwatu,"))
        XCTAssertTrue(ba.contains("dihadiri oleh 25 (dua puluh lima) orang peserta"))
        XCTAssertTrue(ba.contains("<td>1</td><td>Ahmad Fauzi</td><td>Ketua</td><td>Laki-laki</td>"))
        XCTAssertTrue(ba.contains("Kepala Desa Kramatwatu"))
        XCTAssertTrue(ba.contains("Camat Kramatwatu"))
        XCTAssertTrue(ba.contains("Kramatwatu, 16 Mei 2024"))
        let sp = try await b.get("/kim/\(kim.id!)/pernyataan").body.string
        XCTAssertTrue(sp.contains("SURAT PERNYATAAN"))
        XCTAssertTrue(sp.contains(#"<p class="nama-ttd">Siti Rohmah</p>"#))
    }

    // MARK: Browser journey (in memory)

    func testOperatorDesaMembentukKimLewatFormulir() async throws {
        try await Uji.pengguna(app, "opdesa", .operatorDesa, wilayah: "36.04.05.2001")
        let b = Peramban(app)
        try await b.masuk("opdesa", "sandiuji12345")
        let form = try await b.get("/kim/baru")
        XCTAssertTrue(form.body.string.contains(#"<option value="36.04.05.2001">Desa Kramatwatu (36.04.05.2001)</option>"#))
        XCTAssertFalse(form.body.string.contains(#"value="36.04.05.2002""#), "only the operator's own desa")
        let buat = try await b.post("/kim", ["kode_wilayah": "36.04.05.2001", "nama": "", "tanggal_pembentukan": "2024-05-16",
                                             "tempat_pembentukan": "Aula Desa", "jumlah_hadir": "20", "fokus": "pariwisata, UMKM"])
        XCTAssertEqual(buat.status, .seeOther, buat.body.string)
        let lokasi = try XCTUnwrap(buat.headers.first(name: .location))
        var halaman = try await b.get(lokasi).body.string
        XCTAssertTrue(halaman.contains("KIM Desa Kramatwatu dibuat sebagai draf."))
        XCTAssertTrue(halaman.contains("Pengurus harus memiliki satu ketua."))
        for (nama, jabatan, hp) in [("Ahmad", "ketua", "081234567890"), ("Siti", "sekretaris", "081234567891"), ("Dedi", "bendahara", "081234567892")] {
            let r = try await b.post(lokasi + "/pengurus", ["nama": nama, "jabatan": jabatan, "jenis_kelamin": "L", "nomor_hp": hp, "tahun_lahir": "1990"])
            XCTAssertEqual(r.status, .seeOther, r.body.string)
            try await b.get(lokasi)
        }
        let salah = try await b.post(lokasi + "/pengurus", ["nama": "Budi", "jabatan": "anggota", "jenis_kelamin": "L", "nomor_hp": "12", "tahun_lahir": "1990"])
        XCTAssertEqual(salah.status, .unprocessableEntity)
        XCTAssertTrue(salah.body.string.contains(#"id="galat-p-hp">Nomor telepon harus diawali 0, 62 atau +62"#))
        XCTAssertTrue(salah.body.string.contains(#"value="Budi""#), "the entered data is kept")
        let ajukan = try await b.post(lokasi + "/transisi", ["aksi": "ajukan"])
        XCTAssertEqual(ajukan.status, .seeOther)
        try await b.get(lokasi)
        let sah = try await b.post(lokasi + "/transisi", ["aksi": "sahkan_desa", "nomor_sk": "141/5/2024", "tanggal_sk": "2024-05-17"])
        XCTAssertEqual(sah.status, .seeOther)
        halaman = try await b.get(lokasi).body.string
        XCTAssertTrue(halaman.contains(#"<span class="status status-disahkan_desa" id="status-kim" data-bidang="status">Disahkan desa</span>"#))
        XCTAssertTrue(halaman.contains("Nomor 141/5/2024 tanggal Jumat, 17 Mei 2024"))
        XCTAssertFalse(halaman.contains(#"data-aksi="sahkan_kecamatan""#), "the camat step is not the desa operator's")
        let kecamatan = try await b.post(lokasi + "/transisi", ["aksi": "sahkan_kecamatan", "nomor_sk": "1", "tanggal_sk": "2024-05-18"])
        XCTAssertEqual(kecamatan.status, .conflict)
        XCTAssertTrue(kecamatan.body.string.contains("Pengesahan kecamatan hanya oleh operator kecamatan tersebut atau admin kabupaten."))
    }

    // MARK: Dashboard

    /// 200 desa KIMs in mixed states and 10 kecamatan KIMs: the dashboard's figures equal
    /// counts taken straight from the database, and the map shows all 29 kecamatan.
    func testDasborCocokDenganHitunganLangsung() async throws {
        let layanan = Uji.layananKim(app)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        let desa = try await WilayahModel.query(on: app.db).filter(\.$tingkat == "desa").sort(\.$id).all()
        let kec = try await WilayahModel.query(on: app.db).filter(\.$tingkat == "kecamatan").sort(\.$id).all()
        let sk = DataTransisi(catatan: "uji", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-18"))
        for (i, w) in (desa.prefix(200) + kec.prefix(10)).enumerated() {
            let m = try await Uji.kim(app, w.id!, lengkap: true)
            let langkah: [AksiKim] = [[], [.ajukan], [.ajukan, .sahkanDesa], [.ajukan, .sahkanDesa, .sahkanKecamatan],
                                      [.ajukan, .sahkanDesa, .sahkanKecamatan, .bekukan], [.bubarkan]][i % 6]
            for a in langkah {
                let aksi = (a == .sahkanDesa && m.tingkatKim == .kecamatan) ? nil : a
                if let aksi { _ = try await layanan.transisi(m, aksi: aksi, data: sk, oleh: admin) }
            }
        }
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let stat = try await k.kirim(.GET, "/api/v1/statistik/pembentukan").json()

        let semua = try await KimModel.query(on: app.db).all()
        func langsung(_ t: TingkatKim, _ s: Set<StatusKim>) -> Int { semua.filter { $0.tingkatKim == t && s.contains($0.statusKim) }.count }
        let dibentuk: Set<StatusKim> = [.diajukan, .disahkanDesa, .disahkanKecamatan, .aktif, .dibekukan]
        let disahkan: Set<StatusKim> = [.disahkanKecamatan, .aktif, .dibekukan]
        let kimDesa = try XCTUnwrap(stat["kim_desa"] as? [String: Int])
        XCTAssertEqual(kimDesa["dibentuk"], langsung(.desa, dibentuk))
        XCTAssertEqual(kimDesa["disahkan"], langsung(.desa, disahkan))
        XCTAssertEqual(kimDesa["target"], 326)
        let kimKec = try XCTUnwrap(stat["kim_kecamatan"] as? [String: Int])
        XCTAssertEqual(kimKec["dibentuk"], langsung(.kecamatan, dibentuk))
        XCTAssertEqual(kimKec["target"], 29)
        let perStatus = try XCTUnwrap(stat["per_status"] as? [String: Int])
        for s in StatusKim.allCases { XCTAssertEqual(perStatus[s.rawValue], semua.filter { $0.statusKim == s }.count, s.rawValue) }
        let terbentuk = Set(semua.filter { dibentuk.contains($0.statusKim) }.map(\.kodeWilayah))
        XCTAssertEqual((stat["desa_tanpa_kim"] as? [String])?.count, desa.filter { !terbentuk.contains($0.id!) }.count)
        XCTAssertEqual((stat["desa_tanpa_kim"] as? [String])?.count, 326 - (kimDesa["dibentuk"] ?? 0), "beside \"dibentuk N dari 326\"")
        let perKec = try XCTUnwrap(stat["per_kecamatan"] as? [[String: Any]])
        XCTAssertEqual(perKec.count, 29)
        for baris in perKec {
            let kode = baris["kode"] as! String
            let milik = semua.filter { $0.kodeWilayah.hasPrefix(kode + ".") && dibentuk.contains($0.statusKim) }.count
            XCTAssertEqual(baris["desa_dibentuk"] as? Int, milik, kode)
        }
        let harian = try XCTUnwrap(stat["harian"] as? [[String: Any]])
        let diajukan = try await TransisiKimModel.query(on: app.db).filter(\.$ke == "diajukan").all()
        XCTAssertEqual(harian.last?["total_dibentuk"] as? Int, Set(diajukan.map(\.$kim.id)).count)

        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let html = try await b.get("/dasbor").body.string
        XCTAssertEqual(html.components(separatedBy: "<path ").count - 1, 29)
        XCTAssertTrue(html.contains(#"<p class="nilai" id="desa-dibentuk">\#(langsung(.desa, dibentuk)) <small>dari 326</small></p>"#))
        // issue 19: SLA compliance among the headline figures, before the map and the tables
        let sla = try XCTUnwrap(html.range(of: #"id="sla-tanggapan_opd""#)).lowerBound
        XCTAssertLessThan(sla, try XCTUnwrap(html.range(of: "<h2>Peta</h2>")).lowerBound)
    }

    func testDasborOperatorHanyaWilayahnya() async throws {
        try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let lain = try await Uji.kim(app, "36.04.06.2001", lengkap: true)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()),
                                  aktor: Aktor(id: UUID(), penugasan: .admin))
        _ = try await Uji.layananKim(app).transisi(lain, aksi: .ajukan, data: DataTransisi(catatan: "uji"), oleh: admin)
        try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        let k = try await KlienAPI.masuk(app, "opkec", "sandiuji12345")
        let stat = try await k.kirim(.GET, "/api/v1/statistik/pembentukan").json()
        XCTAssertEqual(stat["kode_wilayah"] as? String, "36.04.05")
        XCTAssertEqual((stat["kim_desa"] as? [String: Int])?["target"], 15)
        XCTAssertEqual((stat["per_status"] as? [String: Int])?["draf"], 1)
        XCTAssertEqual((stat["per_status"] as? [String: Int])?["diajukan"], 0)
        XCTAssertEqual((stat["harian"] as? [Any])?.count, 0, "another kecamatan's submission is not in this area's history")
        try await Uji.pengguna(app, "pengurus", .opd, opd: "bpbd")
        let opd = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let ditolak = try await opd.kirim(.GET, "/api/v1/statistik/pembentukan")
        XCTAssertEqual(ditolak.status, .forbidden)
    }
}

func idKim(_ res: XCTHTTPResponse) throws -> String {
    try XCTUnwrap(try res.json()["id"] as? String, res.body.string)
}

/// `XCTUnwrap` for a value that must be awaited first.
func XCTUnwrapAsync<T>(_ nilai: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let v = try await nilai()
    return try XCTUnwrap(v, file: file, line: line)
}
