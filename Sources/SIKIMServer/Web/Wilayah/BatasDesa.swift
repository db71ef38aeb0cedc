import Foundation
import SIKIMCore

/// The shipped desa boundaries (`desa-serang.geojson`), one GeoJSON Feature per desa code,
/// served as they are for the report form's map (an enhancement: the form works without it).
struct BatasDesa: Sendable {
    let fitur: [String: Data]
    /// The same outlines as polygons, to find the desa a chat's location pin falls in.
    let poligon: [(kode: String, bagian: [Poligon])]

    /// The desa whose outline holds the point.
    func desaDi(lat: Double, lon: Double) -> String? {
        poligon.first { $0.bagian.contains { $0.memuat(lat: lat, lon: lon) } }?.kode
    }

    static func muat(_ url: URL) throws -> BatasDesa {
        let koleksi = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        var fitur: [String: Data] = [:]
        var poligon: [(String, [Poligon])] = []
        for f in koleksi?["features"] as? [[String: Any]] ?? [] {
            guard let kode = (f["properties"] as? [String: Any])?["kode"] as? String else { continue }
            fitur[kode] = try JSONSerialization.data(withJSONObject: f)
            let g = f["geometry"] as? [String: Any]
            let koordinat: [Any] = g?["type"] as? String == "Polygon" ? [g?["coordinates"] as Any] : g?["coordinates"] as? [Any] ?? []
            poligon.append((kode, koordinat.map { p in
                Poligon(cincin: (p as? [[[Double]]] ?? []).map { $0.map { (lon: $0[0], lat: $0[1]) } })
            }))
        }
        return BatasDesa(fitur: fitur, poligon: poligon)
    }
}
