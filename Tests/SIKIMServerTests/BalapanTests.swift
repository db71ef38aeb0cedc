import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Requests that race: released at the same instant through a real server, on both databases.
/// Whatever the order, exactly one wins, the others answer 409 `transisi_ditolak`, nothing
/// answers 5xx, and every history stays continuous (`sikim audit verify` finds nothing).
// The racing requests call this test's helpers from the server's tasks: XCTest runs one test
// method at a time, and the helpers only read what `setUp` stored before the race starts.
final class BalapanTests: XCTestCase, @unchecked Sendable {
    var app: Application!
    var peladen: PeladenUji!
    var token: [String: String] = [:]
    var kim: KimModel!

    override func setUp() async throws {
        app = try await Uji.app()
        kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        for v in ["verif1", "verif2", "verif3"] { try await Uji.pengguna(app, v, .verifikator) }
        try await Uji.pengguna(app, "opdesa", .operatorDesa, wilayah: "36.04.05.2001")
        for u in ["pengurus", "verif1", "verif2", "verif3", "opdesa"] { token[u] = try await KlienAPI.masuk(app, u, "sandiuji12345").token }
        token["admin"] = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin).token
        peladen = try await PeladenUji.mulai(app)
    }

    override func tearDown() async throws {
        try await peladen.tutup()
        try await Uji.tutup(app)
    }

    func laporan(kategori: String = "infrastruktur") async throws -> String {
        let r = try await peladen.kirim(.POST, "/api/v1/laporan", token: token["pengurus"], json: """
            {"kategori":"\(kategori)","judul":"Jalan berlubang","isi":"Lubang besar di depan balai desa.","kode_wilayah":"36.04.05.2001",
             "jawaban":{"nama_usaha":"PT Maju"}}
            """)
        XCTAssertEqual(r.status, 201, r.badan)
        return try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(r.badan.utf8)) as? [String: Any])?["id"] as? String)
    }

    func transisi(_ id: String, _ oleh: String, _ json: String) async throws -> PeladenUji.Jawaban {
        try await peladen.kirim(.POST, "/api/v1/laporan/\(id)/transisi", token: token[oleh], json: json)
    }

    /// One winner, every loser a 409 with the domain's code, no 5xx.
    func satuMenang(_ j: [PeladenUji.Jawaban], _ pesan: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(j.filter { $0.status == 200 }.count, 1, "\(pesan): \(j.map(\.status))", file: file, line: line)
        XCTAssertEqual(j.filter { $0.status == 409 }.count, j.count - 1, "\(pesan): \(j.map(\.status))", file: file, line: line)
        for x in j where x.status == 409 {
            XCTAssertTrue(x.badan.contains(#""code":"transisi_ditolak""#), x.badan, file: file, line: line)
        }
    }

    func peristiwa(_ id: String, aksi: String) async throws -> Int {
        try await PeristiwaLaporanModel.query(on: app.db).filter(\.$laporan.$id == UUID(uuidString: id)!).filter(\.$aksi == aksi).count()
    }

    func testKonfirmasiMelawanPenolakan() async throws {
        for putaran in 0..<4 {
            // setup
            let id = try await laporan()
            // act
            let j = try await peladen.serentak(2) { i in
                try await self.transisi(id, i == 0 ? "verif1" : "verif2", i == 0
                    ? #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar ada"}"#
                    : #"{"ke":"tidak_valid","alasan":"hoaks","catatan":"foto lama"}"#)
            }
            // check
            satuMenang(j, "putaran \(putaran)")
            let akhir = try await LaporanModel.find(UUID(uuidString: id), on: app.db)
            let menang = j.firstIndex { $0.status == 200 }
            XCTAssertEqual(akhir?.status, menang == 0 ? "valid" : "tidak_valid")
            let konfirmasi = try await peristiwa(id, aksi: "konfirmasi"), tolak = try await peristiwa(id, aksi: "tolak")
            XCTAssertEqual(konfirmasi + tolak, 1, "one decision recorded")
        }
        let rusak = try await app.layananLaporanUji.periksaAudit().rusak
        XCTAssertEqual(rusak, [])
    }

    /// A sensitive laporan (perizinan) confirmed once; many second confirmations at once.
    func testBanyakKonfirmasiKeduaSerentak() async throws {
        let id = try await laporan(kategori: "perizinan")
        let pertama = try await transisi(id, "verif1", #"{"ke":"valid","metode":"cek_lapangan","catatan":"pertama"}"#)
        XCTAssertEqual(pertama.status, 200, pertama.badan)
        let j = try await peladen.serentak(20) { i in
            try await self.transisi(id, i % 2 == 0 ? "verif2" : "verif3", #"{"ke":"valid","metode":"sumber_kedua_independen","catatan":"kedua"}"#)
        }
        satuMenang(j, "konfirmasi kedua")
        let konfirmasi = try await peristiwa(id, aksi: "konfirmasi")
        XCTAssertEqual(konfirmasi, 2)
        let akhir = try await LaporanModel.find(UUID(uuidString: id), on: app.db)
        XCTAssertEqual(akhir?.status, "valid")
        let rusak = try await app.layananLaporanUji.periksaAudit().rusak
        XCTAssertEqual(rusak, [])
    }

    /// Two verifiers confirming a fresh sensitive laporan at once: one is the first
    /// confirmation, the other is refused (it was decided as a first one, not a second).
    func testDuaKonfirmasiPertamaSerentak() async throws {
        let id = try await laporan(kategori: "perizinan")
        let j = try await peladen.serentak(2) { i in
            try await self.transisi(id, i == 0 ? "verif1" : "verif2", #"{"ke":"valid","metode":"cek_lapangan","catatan":"cek"}"#)
        }
        satuMenang(j, "konfirmasi pertama")
        let konfirmasi = try await peristiwa(id, aksi: "konfirmasi")
        XCTAssertEqual(konfirmasi, 1)
        let akhir = try await LaporanModel.find(UUID(uuidString: id), on: app.db)
        XCTAssertEqual(akhir?.status, "masuk", "still awaiting a second verifier")
        XCTAssertNotNil(akhir?.konfirmasiPertama)
    }

    func testBanyakPenerusanSerentak() async throws {
        let id = try await laporan()
        let valid = try await transisi(id, "verif1", #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        XCTAssertEqual(valid.status, 200, valid.badan)
        let j = try await peladen.serentak(10) { i in
            try await self.transisi(id, "verif\(i % 3 + 1)", #"{"ke":"diteruskan","opd":["dpupr"],"catatan":"mohon ditangani"}"#)
        }
        satuMenang(j, "penerusan")
        let tujuan = try await LaporanOPDModel.query(on: app.db).filter(\.$laporan.$id == UUID(uuidString: id)!).count()
        XCTAssertEqual(tujuan, 1)
        let rusak = try await app.layananLaporanUji.periksaAudit().rusak
        XCTAssertEqual(rusak, [])
    }

    /// Submitting a KIM and legalising it, each many times at once: one step each, numbered once.
    func testPengajuanDanPengesahanKimSerentak() async throws {
        let ajukan = try await peladen.serentak(10) { _ in
            try await self.peladen.kirim(.POST, "/api/v1/kim/\(self.kim.id!)/transisi", token: self.token["admin"], json: #"{"ke":"diajukan"}"#)
        }
        satuMenang(ajukan, "pengajuan")
        let sahkan = try await peladen.serentak(6) { i in
            try await self.peladen.kirim(.POST, "/api/v1/kim/\(self.kim.id!)/transisi", token: self.token[i % 2 == 0 ? "opdesa" : "admin"],
                                         json: #"{"ke":"disahkan_desa","nomor_sk":"SK-\#(i)-2024","tanggal_sk":"2024-05-16"}"#)
        }
        satuMenang(sahkan, "pengesahan desa")
        let menang = try XCTUnwrap(sahkan.firstIndex { $0.status == 200 })
        let m = try await KimModel.find(kim.id, on: app.db)
        XCTAssertEqual(m?.status, "disahkan_desa")
        let langkah = try await TransisiKimModel.query(on: app.db).filter(\.$kim.$id == kim.id!).sort(\.$urutan).all()
        XCTAssertEqual(langkah.map(\.urutan), [0, 1])
        XCTAssertEqual(langkah.map(\.ke), ["diajukan", "disahkan_desa"])
        XCTAssertEqual(m?.nomorSKDesa, langkah[1].nomorSK)
        XCTAssertTrue(sahkan[menang].badan.contains(#""nomor":"\#(langkah[1].nomorSK!)""#), sahkan[menang].badan)
    }

    /// Issue 20: the phone's outbox and a double tap send the same kegiatan with one key at the
    /// same instant: one is stored, every answer names it, none fails.
    func testKegiatanDenganKunciSamaSerentak() async throws {
        try await aktifkanKim()
        let id = kim.id!.uuidString
        let j = try await peladen.serentak(6) { _ in
            try await self.peladen.kirim(.POST, "/api/v1/kegiatan", token: self.token["pengurus"], json: """
                {"kim_id":"\(id)","jenis":"sosialisasi","tanggal":"2024-05-16","tempat":"Balai desa","uraian":"Cek fakta"}
                """, kunci: "ponsel-1")
        }
        XCTAssertEqual(j.filter { $0.status == 201 }.count, 1, "\(j.map(\.status))")
        XCTAssertEqual(j.filter { $0.status == 200 }.count, 5, "\(j.map(\.status))")
        let ids = Set(j.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.badan.utf8)) as? [String: Any])?["id"] as? String })
        XCTAssertEqual(ids.count, 1)
        let n = try await KegiatanModel.query(on: app.db).count()
        XCTAssertEqual(n, 1)
    }

    /// The same reach report sent twice at once answers as one; another report at that instant
    /// still loses (409).
    func testLaporanPenyebaranDenganKunciSamaSerentak() async throws {
        try await aktifkanKim()
        let terbit = try await peladen.kirim(.POST, "/api/v1/diseminasi", token: token["admin"], json: """
            {"judul":"Waspada hoaks","ringkasan":"Cek fakta","isi":"Isi materi.","jenis":"layanan_publik","batas_waktu":"2099-01-01",
             "sasaran":"kecamatan","kecamatan":["36.04.05"]}
            """)
        XCTAssertEqual(terbit.status, 201, terbit.badan)
        let materi = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(terbit.badan.utf8)) as? [String: Any])?["id"] as? String)
        let hariIni = app.lingkungan.hariIni.iso
        let j = try await peladen.serentak(4) { _ in
            try await self.peladen.kirim(.POST, "/api/v1/diseminasi/\(materi)/laporan", token: self.token["pengurus"],
                                         json: #"{"saluran":["grup_whatsapp"],"tanggal":"\#(hariIni)","jangkauan":"120"}"#, kunci: "sebar-1")
        }
        XCTAssertEqual(j.map(\.status), [200, 200, 200, 200], j.map(\.badan).joined(separator: "\n"))
    }

    private func aktifkanKim() async throws {
        let admin = try await XCTUnwrapAsync(try await LayananAkun(l: app.lingkungan).cari(username: "admin")).pelaku()
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2024-05-16"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
    }
}

extension Application {
    /// The laporan service as commands use it.
    var layananLaporanUji: LayananLaporan { LayananLaporan(l: lingkungan) }
}
