import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 20: on 2G the app sends a laporan with small previews and the SHA-256 of each full
/// photo, and the full photos follow (`FotoMenyusul`).
// Unchecked: the racing requests only read `app`, set in `setUp` before they start.
final class FotoMenyusulTests: XCTestCase, @unchecked Sendable {
    var app: Application!

    override func setUp() async throws {
        app = try await Uji.app()
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "pengurus2", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "verif", .verifikator)
    }

    /// What the laporan's page tells staff of photos still on their way.
    func catatanFoto(_ laporan: String) async throws -> String? {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        let html = try await v.get("/laporan/\(laporan)").body.string
        guard let r = html.range(of: #"<p class="kecil" id="foto-menyusul">[^<]*</p>"#, options: .regularExpression) else { return nil }
        return String(html[r])
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    /// A laporan with `pratinjau` as its one photo, promising the full photo `penuh`.
    func kirimDenganPratinjau(_ s: PeladenUji, token: String, pratinjau: [UInt8], janji: String) async throws -> PeladenUji.Jawaban {
        try await s.kirim(.POST, "/api/v1/laporan", token: token, kunci: "item-1", multipart: Multipart.badan(
            ["kategori": "infrastruktur", "judul": "Jembatan retak", "isi": "Retak memanjang di tengah jembatan desa.",
             "kode_wilayah": "36.04.05.2001", "foto_menyusul[]": janji],
            berkas: pratinjau, namaBerkas: "jembatan.jpg", tipe: "image/jpeg", namaBidang: "foto[]"))
    }

    func kirimPenuh(_ s: PeladenUji, _ laporan: String, token: String, _ foto: [UInt8]) async throws -> PeladenUji.Jawaban {
        try await s.kirim(.POST, "/api/v1/laporan/\(laporan)/foto-penuh", token: token,
                          multipart: Multipart.badan([:], berkas: foto, namaBerkas: "jembatan.jpg", tipe: "image/jpeg", namaBidang: "foto[]"))
    }

    func berkasFoto() throws -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: app.sikim.direktoriData + "/foto")) ?? []
    }

    func testFotoPenuhMenggantikanPratinjauSekaliDanHanyaYangDijanjikan() async throws {
        let s = try await PeladenUji.mulai(app)
        do { try await fotoPenuhMenggantikanPratinjau(s) } catch { try await s.tutup(); throw error }
        try await s.tutup()
    }

    func fotoPenuhMenggantikanPratinjau(_ s: PeladenUji) async throws {
        // setup: the preview is a small photo, the full one a phone photo with its location
        let pengurus = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345").token!
        let lain = try await KlienAPI.masuk(app, "pengurus2", "sandiuji12345").token!
        let (pratinjau, penuh) = (GambarUji.jpeg, GambarUji.jpegExif)
        let buruk = try await kirimDenganPratinjau(s, token: pengurus, pratinjau: pratinjau, janji: "0:BUKAN")
        XCTAssertEqual(buruk.status, 422, buruk.badan)
        XCTAssertTrue(buruk.badan.contains("Janji foto menyusul"), buruk.badan)
        let dibuat = try await kirimDenganPratinjau(s, token: pengurus, pratinjau: pratinjau, janji: "0:" + Sidik.sha256(penuh))
        XCTAssertEqual(dibuat.status, 201, dibuat.badan)
        let id = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(dibuat.badan.utf8)) as? [String: Any])?["id"] as? String)
        let janji = try await FotoLaporanModel.query(on: app.db).first()?.sha256Penuh
        XCTAssertEqual(janji, Sidik.sha256(penuh))
        let menyusul = try await catatanFoto(id)
        XCTAssertEqual(menyusul, #"<p class="kecil" id="foto-menyusul">1 foto masih berupa pratinjau kecil: foto penuhnya sedang menyusul dari ponsel pelapor (jaringan lambat).</p>"#)

        // act and check: another photo is refused, another pengurus of the same KIM finds nothing
        let lainFoto = try await kirimPenuh(s, id, token: pengurus, GambarUji.png)
        XCTAssertEqual(lainFoto.status, 422, lainFoto.badan)
        XCTAssertTrue(lainFoto.badan.contains("bukan foto penuh yang dijanjikan"), lainFoto.badan)
        let bukanPelapor = try await kirimPenuh(s, id, token: lain, penuh)
        XCTAssertEqual(bukanPelapor.status, 404, bukanPelapor.badan)

        // the full photo sent twice at the same instant (a retry racing the first send)
        let dua = try await s.serentak(2) { _ in try await self.kirimPenuh(s, id, token: pengurus, penuh) }
        XCTAssertEqual(dua.map(\.status), [204, 204], dua.map(\.badan).joined())
        let semua = try await FotoLaporanModel.query(on: app.db).all()
        let f = try XCTUnwrap(semua.first)
        XCTAssertNil(f.sha256Penuh)
        XCTAssertEqual(f.ukuran, try MetadataGambar.bersihkan(penuh, jenis: .jpeg).count, "stored without its metadata")
        XCTAssertEqual(try berkasFoto(), [f.berkas], "the preview and the losing copy are gone")
        let disimpan = [UInt8](try Data(contentsOf: URL(fileURLWithPath: app.sikim.direktoriData + "/foto/" + f.berkas)))
        XCTAssertEqual(Sidik.sha256(disimpan), f.sha256)
        let sudahTiba = try await catatanFoto(id)
        XCTAssertNil(sudahTiba)

        // a later retry changes nothing; a photo that waits for nothing is refused
        let lagi = try await kirimPenuh(s, id, token: pengurus, penuh)
        XCTAssertEqual(lagi.status, 204)
        XCTAssertEqual(try berkasFoto(), [f.berkas])
        let tidakDitunggu = try await kirimPenuh(s, id, token: pengurus, pratinjau)
        XCTAssertEqual(tidakDitunggu.status, 422)
    }
}
