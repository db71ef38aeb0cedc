@testable import SIKIMServer
import SIKIMData
import SIKIMCore
import XCTest

final class PenulisJSONTests: XCTestCase {
    func tulis(_ isi: (inout PenulisJSON) -> Void) -> String {
        var j = PenulisJSON()
        isi(&j)
        return String(decoding: j.bita, as: UTF8.self)
    }

    func testKomaDanSarang() {
        let s = tulis { j in
            j.objek { j in
                j.kunci("a"); j.larik([String]()) { $0.teks($1) }
                j.kunci("b"); j.objek { _ in }
                j.kunci("c"); j.larik([1, 2]) { j, n in j.objek { j in j.bidang("n", Double(n)); j.bidang("x", nil as String?) } }
                j.kunci("d"); j.kosong()
                j.bidang("e", true)
            }
        }
        XCTAssertEqual(s, #"{"a":[],"b":{},"c":[{"n":1.0},{"n":2.0}],"d":null,"e":true}"#)
    }

    func testTeksDilolosSehinggaTerbacaKembali() throws {
        let sulit = "Kata \"kutip\", garis\\miring, baris\nbaru, tab\t, kendali \u{01}\u{1F}, Ünïcode 🌊 é"
        let s = tulis { j in j.objek { j in j.kunci(sulit); j.teks(sulit); j.bidang("nan", Double.nan) } }
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
        XCTAssertEqual(o[sulit] as? String, sulit)
        XCTAssertTrue(o["nan"] is NSNull, "JSON has no NaN")
        XCTAssertTrue(s.contains(#"\u0001\u001f"#))
    }

    /// Every field of a laporan and the API's conventions: snake_case, WIB times, absent
    /// optionals left out, the reporter and everything internal hidden from the public.
    func testLaporanDTO() throws {
        let m = LaporanModel()
        m.id = UUID(uuidString: "4B95ED76-AB05-44AA-8055-AF47B420653A")
        (m.nomor, m.judul, m.isi, m.kodeKategori, m.kodeWilayah) = ("LAP-2026-000001", "Jalan \"rusak\"", "Berlubang\ndalam", "infrastruktur", "36.04.05.2001")
        (m.pelaporID, m.namaPelapor, m.namaKim) = (UUID(), "Siti", "KIM Kramatwatu")
        (m.lat, m.lon, m.alamat, m.waktuKejadian) = (-6.06, 106.12, nil, nil)
        (m.sumber, m.kerahasiaan, m.jawabanJSON, m.status, m.dipublikasikan) = ("pengamatan_langsung", "biasa", #"{"jenis":["a","b"]}"#, "masuk", false)
        (m.dibuatPada, m.versi) = (ISO8601DateFormatter().date(from: "2026-03-16T02:00:00Z")!, 3)
        let kalender = KalenderKerja(libur: [])
        func json(_ penonton: Aktor?) throws -> [String: Any] {
            let s = SasaranLaporan(wilayah: m.wilayah, kim: nil, pelapor: m.pelaporID, opd: ["dpmptsp"], dipublikasikan: m.dipublikasikan)
            let d = LaporanDTO(LaporanTerlihat(m, tampilan: try XCTUnwrap(TampilanLaporan.untuk(penonton, s, kerahasiaan: .biasa)),
                                               opd: [OPDLaporan(kode: "dpmptsp", ditanggapi: false)], foto: [], kalender: kalender,
                                               sekarang: m.dibuatPada.addingTimeInterval(86_400)))
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(tulis(d.tulis).utf8)) as? [String: Any])
        }
        let o = try json(Aktor(id: UUID(), penugasan: .admin))
        XCTAssertEqual(Set(o.keys), ["id", "nomor", "judul", "isi", "kategori", "kode_wilayah", "status", "dipublikasikan", "kerahasiaan",
                                     "sumber", "jawaban", "lat", "lon", "pelapor", "opd", "foto", "dibuat_pada", "tenggat", "tahap_sla", "terlambat",
                                     "versi"])
        XCTAssertEqual(o["versi"] as? Int, 3)
        XCTAssertEqual(o["id"] as? String, "4B95ED76-AB05-44AA-8055-AF47B420653A")
        XCTAssertEqual(o["judul"] as? String, "Jalan \"rusak\"")
        XCTAssertEqual(o["isi"] as? String, "Berlubang\ndalam")
        XCTAssertEqual(o["jawaban"] as? [String: [String]], ["jenis": ["a", "b"]])
        XCTAssertEqual(o["lat"] as? Double, -6.06)
        XCTAssertEqual(o["pelapor"] as? [String: String], ["nama": "Siti", "kim": "KIM Kramatwatu"])
        XCTAssertEqual(o["opd"] as? [String], ["dpmptsp"])
        XCTAssertEqual(o["dibuat_pada"] as? String, "2026-03-16T09:00:00+07:00")
        XCTAssertEqual(o["tenggat"] as? String, "2026-03-19T23:59:59+07:00")
        XCTAssertEqual(o["tahap_sla"] as? String, "verifikasi")
        XCTAssertEqual(o["terlambat"] as? Bool, false)
        XCTAssertEqual(o["dipublikasikan"] as? Bool, false)

        m.dipublikasikan = true
        let publik = try json(nil)
        XCTAssertEqual(Set(publik.keys), ["id", "nomor", "judul", "isi", "kategori", "kode_wilayah", "status", "dipublikasikan", "jawaban",
                                          "pelapor", "foto", "dibuat_pada"], "nothing internal: no place finer than the desa, no handling")
        XCTAssertEqual(publik["pelapor"] as? [String: String], ["kim": "KIM Kramatwatu"], "kerahasiaan biasa: the public sees only the KIM")
    }
}
