import SIKIMCore
import SIKIMData
import Foundation

/// Small SVG drawings rendered on the server (no script, no CDN). Text is XML-escaped.
enum SVG {
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// Sequential colours for coverage classes 0 (none) … 4 (complete).
    static let warnaCakupan = ["#e3e7ec", "#c7dcef", "#86b3da", "#3f7fbf", "#0b4f8a"]
    static let labelCakupan = ["Belum ada", "Di bawah 1/3", "1/3 – 2/3", "Di atas 2/3", "Lengkap"]

    /// A horizontal bar of a kecamatan's desa: legalised, formed only, none.
    static func batang(disahkan: Int, dibentuk: Int, total: Int, label: String) -> String {
        let w = 160.0
        guard total > 0 else { return "" }
        let a = w * Double(disahkan) / Double(total), b = w * Double(dibentuk - disahkan) / Double(total)
        return """
        <svg class="batang" width="\(Int(w))" height="14" viewBox="0 0 \(Int(w)) 14" role="img" aria-label="\(esc(label))">\
        <rect x="0" y="0" width="\(Int(w))" height="14" fill="#e3e7ec"/>\
        <rect x="0" y="0" width="\(f(a))" height="14" fill="#1e6b3a"/>\
        <rect x="\(f(a))" y="0" width="\(f(b))" height="14" fill="#86b3da"/></svg>
        """
    }

    /// Horizontal bars with their values, for counts per category or per kecamatan.
    static func batangMendatar(judul: String, data: [(label: String, nilai: Int)]) -> String {
        let tinggiBaris = 22.0, kiri = 170.0, lebar = 640.0
        let maks = max(1, data.map(\.nilai).max() ?? 1)
        let tinggi = Double(data.count) * tinggiBaris + 8
        var s = "<svg class=\"grafik\" viewBox=\"0 0 \(Int(lebar)) \(Int(tinggi))\" role=\"img\" aria-label=\"\(esc(judul))\"><title>\(esc(judul))</title>"
        for (i, d) in data.enumerated() {
            let y = Double(i) * tinggiBaris + 4
            let w = (lebar - kiri - 60) * Double(d.nilai) / Double(maks)
            s += "<text x=\"\(f(kiri - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2733\">\(esc(String(d.label.prefix(26))))</text>"
            s += "<rect x=\"\(f(kiri))\" y=\"\(f(y + 2))\" width=\"\(f(w))\" height=\"\(f(tinggiBaris - 6))\" fill=\"#3f7fbf\"/>"
            s += "<text x=\"\(f(kiri + w + 4))\" y=\"\(f(y + 14))\" font-size=\"12\" fill=\"#1d2733\">\(Angka.ribuan(d.nilai))</text>"
        }
        return s + "</svg>"
    }

    /// Classes 0…4 for a count relative to the largest one (0 only for none).
    static func kelasRelatif(_ n: Int, maks: Int) -> Int {
        guard n > 0, maks > 0 else { return 0 }
        return min(4, 1 + (n * 3 - 1) / maks)
    }

    /// A "nice" tick step (1, 2 or 5 × 10ⁿ) giving about four intervals, and the axis top
    /// rounded up to a whole step so the largest value is always on the scale.
    static func skala(_ maks: Int) -> (langkah: Int, atas: Int) {
        let kasar = max(1, Double(maks) / 4)
        let pangkat = pow(10, floor(log10(kasar)))
        let langkah = Int([1.0, 2, 5, 10].map { $0 * pangkat }.first { $0 >= kasar }!)
        return (langkah, max(langkah, Int((Double(maks) / Double(langkah)).rounded(.up)) * langkah))
    }

    /// Longer series get no point markers: they would overlap (and weigh ~100 bytes each); the
    /// table under every chart carries each day's figure.
    static let penandaMaksimum = 62

    /// A line chart of running totals per day, with axes, labels and a legend.
    static func grafikGaris(judul: String, tanggal: [String], seri: [(nama: String, warna: String, nilai: [Int])]) -> String {
        let (lebar, tinggi, kiri, bawah, atas, kanan) = (640.0, 260.0, 44.0, 40.0, 16.0, 16.0)
        let (langkah, maks) = skala(seri.flatMap(\.nilai).max() ?? 0)
        let n = max(1, tanggal.count - 1)
        func x(_ i: Int) -> Double { kiri + (lebar - kiri - kanan) * Double(i) / Double(n) }
        func y(_ v: Int) -> Double { tinggi - bawah - (tinggi - bawah - atas) * Double(v) / Double(maks) }
        var s = "<svg class=\"grafik\" viewBox=\"0 0 \(Int(lebar)) \(Int(tinggi))\" role=\"img\" aria-label=\"\(esc(judul))\"><title>\(esc(judul))</title>"
        for v in stride(from: 0, through: maks, by: langkah) {
            s += "<line x1=\"\(f(kiri))\" x2=\"\(f(lebar - kanan))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#d5dce4\"/>"
            s += "<text x=\"\(f(kiri - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#5a6675\">\(Angka.ribuan(v))</text>"
        }
        s += "<line x1=\"\(f(kiri))\" x2=\"\(f(kiri))\" y1=\"\(f(atas))\" y2=\"\(f(tinggi - bawah))\" stroke=\"#5a6675\"/>"
        if let awal = tanggal.first, let akhir = tanggal.last {
            s += "<text x=\"\(f(x(0)))\" y=\"\(f(tinggi - bawah + 16))\" font-size=\"11\" fill=\"#5a6675\">\(esc(awal))</text>"
            if tanggal.count > 1 {
                s += "<text x=\"\(f(x(n)))\" y=\"\(f(tinggi - bawah + 16))\" text-anchor=\"end\" font-size=\"11\" fill=\"#5a6675\">\(esc(akhir))</text>"
            }
        }
        for (i, sr) in seri.enumerated() {
            let titik = sr.nilai.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            s += "<polyline points=\"\(titik)\" fill=\"none\" stroke=\"\(sr.warna)\" stroke-width=\"2.5\"/>"
            for (j, v) in sr.nilai.enumerated() where tanggal.count <= penandaMaksimum {
                s += "<circle cx=\"\(f(x(j)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(sr.warna)\"><title>\(esc(tanggal[j])): \(Angka.ribuan(v)) \(esc(sr.nama))</title></circle>"
            }
            let lx = kiri + Double(i) * 180
            s += "<rect x=\"\(f(lx))\" y=\"\(f(tinggi - 14))\" width=\"12\" height=\"12\" fill=\"\(sr.warna)\"/>"
            s += "<text x=\"\(f(lx + 16))\" y=\"\(f(tinggi - 4))\" font-size=\"12\" fill=\"#1d2733\">\(esc(sr.nama))</text>"
        }
        return s + "</svg>"
    }
}

/// The kecamatan boundaries, projected once from the shipped GeoJSON into SVG paths.
struct PetaKecamatan: Sendable {
    struct Bentuk: Sendable {
        let kode: String
        let nama: String
        let d: String
        /// Where its name is written: the middle of its largest ring's points.
        let x: Double
        let y: Double
    }

    let lebar: Double
    let tinggi: Double
    let bentuk: [Bentuk]

    private struct Koleksi: Decodable { let features: [Fitur] }
    private struct Fitur: Decodable {
        let properties: [String: String]
        let geometry: Geometri
    }
    private struct Geometri: Decodable {
        let type: String
        let poligon: [[[[Double]]]]
        enum CodingKeys: String, CodingKey { case type, coordinates }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try c.decode(String.self, forKey: .type)
            poligon = type == "Polygon" ? [try c.decode([[[Double]]].self, forKey: .coordinates)]
                : try c.decode([[[[Double]]]].self, forKey: .coordinates)
        }
    }

    /// Equirectangular projection scaled by cos(latitude): faithful enough at this size.
    static func muat(_ url: URL, lebar: Double = 640) throws -> PetaKecamatan {
        let fitur = try JSONDecoder().decode(Koleksi.self, from: Data(contentsOf: url)).features
        let titik = fitur.flatMap { $0.geometry.poligon.flatMap { $0.flatMap { $0 } } }
        let lon = titik.map { $0[0] }, lat = titik.map { $0[1] }
        let (minLon, maxLon, minLat, maxLat) = (lon.min()!, lon.max()!, lat.min()!, lat.max()!)
        let kx = cos((minLat + maxLat) / 2 * .pi / 180)
        let skala = lebar / ((maxLon - minLon) * kx)
        func xy(_ p: [Double]) -> (Double, Double) { ((p[0] - minLon) * kx * skala, (maxLat - p[1]) * skala) }
        let bentuk = fitur.map { ft in
            let cincin = ft.geometry.poligon.flatMap { $0 }
            let d = cincin.map { c in "M" + c.map { let (x, y) = xy($0); return SVG.f(x) + "," + SVG.f(y) }.joined(separator: "L") + "Z" }.joined()
            let terbesar = (cincin.max { $0.count < $1.count } ?? []).map(xy)
            let n = Double(max(1, terbesar.count))
            return Bentuk(kode: ft.properties["kode"] ?? "", nama: ft.properties["nama"] ?? "", d: d,
                          x: terbesar.map(\.0).reduce(0, +) / n, y: terbesar.map(\.1).reduce(0, +) / n)
        }
        return PetaKecamatan(lebar: lebar, tinggi: (maxLat - minLat) * skala, bentuk: bentuk)
    }

    /// The map with one class per kecamatan, a tooltip and a link each, every kecamatan's name
    /// written on it (a phone has no hover), and a legend in two columns large enough to read
    /// when the map is shrunk to a phone's width.
    func svg(judul: String, kelas: [String: Int], keterangan: [String: String], legenda: [String] = SVG.labelCakupan) -> String {
        let baris = 32.0, hurufLegenda = 22
        let tinggiLegenda = Double((legenda.count + 1) / 2) * baris
        var s = "<svg class=\"peta\" viewBox=\"-4 -4 \(SVG.f(lebar + 8)) \(SVG.f(tinggi + 24 + tinggiLegenda))\" role=\"group\" aria-labelledby=\"peta-judul\">"
        s += "<title id=\"peta-judul\">\(SVG.esc(judul))</title>"
        for b in bentuk {
            let warna = SVG.warnaCakupan[kelas[b.kode] ?? 0]
            // A group, not an image: an image cannot hold links (axe nested-interactive).
            s += "<a href=\"/kim?kode_wilayah=\(b.kode)\" aria-label=\"\(SVG.esc(b.nama)): \(SVG.esc(keterangan[b.kode] ?? ""))\"><path d=\"\(b.d)\" fill=\"\(warna)\" stroke=\"#ffffff\" stroke-width=\"1\" data-kode=\"\(b.kode)\">"
            s += "<title>\(SVG.esc(b.nama)): \(SVG.esc(keterangan[b.kode] ?? ""))</title></path></a>"
        }
        for b in bentuk {
            s += "<text x=\"\(SVG.f(b.x))\" y=\"\(SVG.f(b.y))\" class=\"nama-peta\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d2733\" "
                + "stroke=\"#ffffff\" stroke-width=\"2.5\" paint-order=\"stroke\">\(SVG.esc(b.nama))</text>"
        }
        for (i, label) in legenda.enumerated() {
            let (x, y) = (Double(i % 2) * (lebar / 2), tinggi + 16 + Double(i / 2) * baris)
            s += "<rect x=\"\(SVG.f(x))\" y=\"\(SVG.f(y))\" width=\"22\" height=\"22\" fill=\"\(SVG.warnaCakupan[i])\" stroke=\"#8a96a3\"/>"
            s += "<text x=\"\(SVG.f(x + 30))\" y=\"\(SVG.f(y + 18))\" font-size=\"\(hurufLegenda)\" fill=\"#1d2733\">\(SVG.esc(label))</text>"
        }
        return s + "</svg>"
    }
}
