import FluentKit
import SIKIMCore
import SQLKit

// A region's area is its code and every code below it (DOMAIN.md): `36.04.05` holds
// `36.04.05.2001`. One definition, as a Fluent filter and as SQL.

extension QueryBuilder {
    /// Rows whose region (the `kolom` of `Model` or of a joined model) lies in `area`.
    @discardableResult
    package func dalamArea<M: FluentKit.Model>(_ area: KodeWilayah, _ kolom: KeyPath<M, FieldProperty<M, String>>, pada: M.Type = M.self) -> Self {
        group(.or) { $0.filter(M.self, kolom == area.nilai).filter(M.self, kolom =~ (area.nilai + ".")) }
    }

    @discardableResult
    package func dalamArea<M: FluentKit.Model>(_ area: KodeWilayah, _ kolom: KeyPath<M, OptionalFieldProperty<M, String>>, pada: M.Type = M.self) -> Self {
        group(.or) { $0.filter(M.self, kolom == area.nilai).filter(M.self, kolom =~ (area.nilai + ".")) }
    }
}

package enum Area {
    /// The area as an SQL condition on a region-code column (always true without an area).
    package static func sql(_ area: KodeWilayah?, _ kolom: String) -> SQLQueryString {
        guard let area else { return "1 = 1" }
        return "(\(unsafeRaw: kolom) = \(bind: area.nilai) OR \(unsafeRaw: kolom) LIKE \(bind: area.nilai + ".%"))"
    }
}
