import SIKIMData
import XCTest
@testable import SIKIMServer

final class SVGTests: XCTestCase {
    func testSkalaSumbuSelaluMencakupNilaiTerbesar() {
        XCTAssertEqual(SVG.skala(0).atas, 1)
        XCTAssertEqual(SVG.skala(3).langkah, 1)
        XCTAssertEqual(SVG.skala(90).langkah, 50)
        XCTAssertEqual(SVG.skala(90).atas, 100)
        XCTAssertEqual(SVG.skala(326).langkah, 100)
        XCTAssertEqual(SVG.skala(326).atas, 400)
        for n in [1, 7, 19, 29, 101, 355, 1000, 20_000] {
            let (l, a) = SVG.skala(n)
            XCTAssertGreaterThanOrEqual(a, n, "\(n)")
            XCTAssertEqual(a % l, 0, "\(n)")
            XCTAssertLessThanOrEqual(a / l, 10, "\(n)")
        }
    }

    func testTeksDilolosSebelumMasukSVG() {
        let s = SVG.grafikGaris(judul: "<script>x</script>", tanggal: ["a&b"], seri: [("\"n\"", "#000", [1])])
        XCTAssertFalse(s.contains("<script>"))
        XCTAssertTrue(s.contains("&lt;script&gt;"))
        XCTAssertTrue(s.contains("a&amp;b"))
    }

    func testPenandaTitikHanyaUntukDeretPendek() {
        func lingkaran(_ hari: Int) -> Int {
            SVG.grafikGaris(judul: "g", tanggal: (0..<hari).map(String.init), seri: [("a", "#000", Array(0..<hari)), ("b", "#111", Array(0..<hari))])
                .components(separatedBy: "<circle ").count - 1
        }
        XCTAssertEqual(lingkaran(SVG.penandaMaksimum), 2 * SVG.penandaMaksimum)
        XCTAssertEqual(lingkaran(SVG.penandaMaksimum + 1), 0)
    }

    func testPetaMemuat29Kecamatan() throws {
        let peta = try PetaKecamatan.muat(Sumber.data("kecamatan-serang.geojson"))
        XCTAssertEqual(peta.bentuk.count, 29)
        XCTAssertEqual(Set(peta.bentuk.map(\.kode)).count, 29)
        XCTAssertTrue(peta.bentuk.allSatisfy { $0.d.hasPrefix("M") && $0.d.hasSuffix("Z") })
        let svg = peta.svg(judul: "Peta", kelas: ["36.04.05": 4], keterangan: ["36.04.05": "15 dari 15 desa"])
        XCTAssertEqual(svg.components(separatedBy: "<path ").count - 1, 29)
        XCTAssertTrue(svg.contains(##"fill="\##(SVG.warnaCakupan[4])" stroke="#ffffff" stroke-width="1" data-kode="36.04.05""##))
        // issue 19: every name is written on the map, inside the map's box (a phone has no hover)
        XCTAssertEqual(svg.components(separatedBy: #"class="nama-peta""#).count - 1, 29)
        XCTAssertTrue(svg.contains(">Kramatwatu</text>"))
        XCTAssertTrue(peta.bentuk.allSatisfy { (0...peta.lebar).contains($0.x) && (0...peta.tinggi).contains($0.y) })
        XCTAssertTrue(svg.contains(#"font-size="22""#), "a legend readable when the map is shrunk to a phone")
    }
}
