import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Keyset pagination: up to `limit` rows after the row whose key is `setelah`. A page costs the
/// same at any depth (an index range, never an offset). The cursor a client sees is the last
/// key of the previous page, encoded so clients treat it as opaque.
package struct Paginasi: Sendable {
    package static let bawaan = 50
    package static let maksimum = 100

    package let limit: Int
    package let setelah: String?

    package init(limit: Int = bawaan, setelah: String? = nil) { (self.limit, self.setelah) = (limit, setelah) }

    /// From the query parameters `limit` (1–100) and `cursor`, as clients send them.
    package init(limit teks: String?, cursor: String?) throws(ParameterTidakValid) {
        if let teks {
            guard let n = Int(teks), (1...Self.maksimum).contains(n) else {
                throw ParameterTidakValid("Parameter limit harus bilangan 1–\(Self.maksimum).")
            }
            limit = n
        } else {
            limit = Self.bawaan
        }
        if let c = cursor, !c.isEmpty {
            guard let kunci = Self.dekode(c) else { throw ParameterTidakValid("Parameter cursor tidak valid.") }
            setelah = kunci
        } else {
            setelah = nil
        }
    }

    /// A page from rows read with `limit + 1`: the extra row only says there is a next page.
    package func potong<T>(_ semua: [T], kunci: (T) -> String) -> Potongan<T> {
        let isi = Array(semua.prefix(limit))
        return Potongan(isi: isi, lanjut: semua.count > limit ? isi.last.map { Self.kode(kunci($0)) } : nil)
    }

    /// One page of `query`, ordered by the unique text key `kunci`.
    package func baris<M: Model, K: QueryableProperty>(_ query: QueryBuilder<M>, kunci: KeyPath<M, K>) async throws -> Potongan<M>
    where K.Model == M, K.Value == String {
        if let setelah { query.filter(kunci > setelah) }
        return potong(try await query.sort(kunci).limit(limit + 1).all()) { $0[keyPath: kunci].value ?? "" }
    }

    package static func kode(_ kunci: String) -> String {
        Data(kunci.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package static func dekode(_ c: String) -> String? {
        guard c.count <= 200 else { return nil }
        var b = c.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b.count % 4 != 0 { b += "=" }
        return Data(base64Encoded: b).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// One page of rows and the cursor of the next, nil on the last.
package struct Potongan<T> {
    package let isi: [T]
    package let lanjut: String?

    package init(isi: [T], lanjut: String?) { (self.isi, self.lanjut) = (isi, lanjut) }

    package func map<U>(_ f: (T) throws -> U) rethrows -> Potongan<U> { Potongan<U>(isi: try isi.map(f), lanjut: lanjut) }
}

extension Potongan: Sendable where T: Sendable {}

extension QueryBuilder {
    /// Orders by (`kolom`, id), one way or the other, and keeps one page after the cursor's row.
    /// The cursor holds the last row's id only; the database compares with that row's own
    /// stored key (a key carried in the cursor went through `Date`'s conversions and could
    /// come back a hair off, so a row matched again). A row-value comparison: both databases
    /// turn it into one range search of a (`kolom`, id) index, so a deep page costs what the
    /// first does.
    package func urutKunci(_ kolom: FieldKey, turun: Bool, _ p: Paginasi) throws(ParameterTidakValid) -> Self {
        if let c = p.setelah {
            // Cursors from before carried "key|id": the id is all that is needed.
            guard let id = c.split(separator: "|").last.flatMap({ UUID(teks: $0) }) else {
                throw ParameterTidakValid("Parameter cursor tidak valid.")
            }
            let t = SQLIdentifier(Model.schemaOrAlias), k = SQLIdentifier("k"), kol = SQLIdentifier(kolom.description)
            filter(.sql(embed: """
                (\(t).\(kol), \(t).\(ident: "id")) \(unsafeRaw: turun ? "<" : ">") \
                (SELECT \(k).\(kol), \(k).\(ident: "id") FROM \(SQLIdentifier(Model.schema)) AS \(k) WHERE \(k).\(ident: "id") = \(bind: id))
                """))
        }
        let arah: DatabaseQuery.Sort.Direction = turun ? .descending : .ascending
        return sort(kolom, arah).sort(.id, arah).limit(p.limit + 1)
    }
}

extension Paginasi {
    /// A page of rows read by `urutKunci`, the cursor being the last row's id.
    package func potong<T>(_ semua: [T], id: (T) -> UUID?) -> Potongan<T> {
        potong(semua) { id($0)?.uuidString ?? "" }
    }
}
