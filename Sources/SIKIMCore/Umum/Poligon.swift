import Foundation

/// A region's outline as GeoJSON gives it: polygons of rings of (lon, lat), the first ring the
/// outside and the others holes.
public struct Poligon: Sendable {
    public let cincin: [[(lon: Double, lat: Double)]]

    public init(cincin: [[(lon: Double, lat: Double)]]) { self.cincin = cincin }

    /// Whether a point lies inside (even-odd rule: inside the outside ring, outside every hole).
    public func memuat(lat: Double, lon: Double) -> Bool {
        cincin.reduce(false) { dalam, c in Self.dalam(c, lat: lat, lon: lon) ? !dalam : dalam }
    }

    /// Ray casting towards increasing longitude.
    static func dalam(_ c: [(lon: Double, lat: Double)], lat: Double, lon: Double) -> Bool {
        var hasil = false
        var j = c.count - 1
        for i in c.indices {
            let (a, b) = (c[i], c[j])
            if (a.lat > lat) != (b.lat > lat), lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon { hasil.toggle() }
            j = i
        }
        return hasil
    }
}
