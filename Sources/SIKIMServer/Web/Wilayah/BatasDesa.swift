import Foundation
import SIKIMCore

/// The shipped desa boundaries (`desa-serang.geojson`), one GeoJSON Feature per desa code,
/// served as they are for the report form's map (an enhancement: the form works without it).
struct BatasDesa: Sendable {
    let fitur: [String: Data]

    static func muat(_ url: URL) throws -> BatasDesa {
        let koleksi = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        var fitur: [String: Data] = [:]
        for f in koleksi?["features"] as? [[String: Any]] ?? [] {
            guard let kode = (f["properties"] as? [String: Any])?["kode"] as? String else { continue }
            fitur[kode] = try JSONSerialization.data(withJSONObject: f)
        }
        return BatasDesa(fitur: fitur)
    }
}
