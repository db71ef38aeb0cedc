import SIKIMCore
import SIKIMData
import Fluent
import Vapor

/// A list answer: `{"data": [...], "next_cursor": "…" | null}`.
struct Halaman<T: Sendable>: Sendable {
    let data: [T]
    let nextCursor: String?
}

extension Halaman: Content, Codable, RequestDecodable, ResponseEncodable, AsyncRequestDecodable, AsyncResponseEncodable where T: Content {
    enum CodingKeys: String, CodingKey { case data, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        try c.encode(nextCursor, forKey: .nextCursor) // explicit null on the last page
    }
}

extension Halaman: PenulisJSON.Tertulis where T: PenulisJSON.Tertulis {
    func tulis(_ j: inout PenulisJSON) {
        j.objek { j in
            j.kunci("data")
            j.larik(data) { j, d in d.tulis(&j) }
            j.kunci("next_cursor")
            if let nextCursor { j.teks(nextCursor) } else { j.kosong() }
        }
    }
}

/// Keyset pagination over a unique, ordered string key: `?cursor=&limit=` (limit 1–100).
/// The cursor is the last key of the previous page, encoded so clients treat it as opaque.
struct Paginasi {
    static let bawaan = 50
    static let maksimum = 100

    let limit: Int
    let setelah: String?

    init(_ req: Request) throws {
        if let teks = try req.kueri["limit"] {
            guard let n = Int(teks), (1...Self.maksimum).contains(n) else {
                throw KesalahanHTTP.parameter("Parameter limit harus bilangan 1–\(Self.maksimum).")
            }
            limit = n
        } else {
            limit = Self.bawaan
        }
        if let c = try req.kueri["cursor"], !c.isEmpty {
            guard let kunci = Self.dekode(c) else { throw KesalahanHTTP.parameter("Parameter cursor tidak valid.") }
            setelah = kunci
        } else {
            setelah = nil
        }
    }

    /// Fetches one page of `query`, ordered by the unique key `kunci`.
    func baris<M: Model, K: QueryableProperty>(
        _ query: QueryBuilder<M>, kunci: KeyPath<M, K>
    ) async throws -> (data: [M], nextCursor: String?) where K.Model == M, K.Value == String {
        if let setelah { query.filter(kunci > setelah) }
        let semua = try await query.sort(kunci).limit(limit + 1).all()
        let isi = Array(semua.prefix(limit))
        let lanjut = semua.count > limit ? isi.last.flatMap { $0[keyPath: kunci].value }.map(Self.kode) : nil
        return (isi, lanjut)
    }

    /// One page of `query` as an API answer.
    func halaman<M: Model, K: QueryableProperty, D: Content>(
        _ query: QueryBuilder<M>, kunci: KeyPath<M, K>, _ ubah: (M) throws -> D
    ) async throws -> Halaman<D> where K.Model == M, K.Value == String {
        let (isi, lanjut) = try await baris(query, kunci: kunci)
        return Halaman(data: try isi.map(ubah), nextCursor: lanjut)
    }

    static func kode(_ kunci: String) -> String {
        Data(kunci.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func dekode(_ c: String) -> String? {
        guard c.count <= 200 else { return nil }
        var b = c.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b.count % 4 != 0 { b += "=" }
        return Data(base64Encoded: b).flatMap { String(data: $0, encoding: .utf8) }
    }
}
