import SIKIMCore
import SIKIMData
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

extension Halaman {
    init(_ p: Potongan<T>) { self.init(data: p.isi, nextCursor: p.lanjut) }
}

extension Request {
    /// `?limit=&cursor=` of a list.
    func paginasi() throws -> Paginasi {
        let k = try kueri
        return try Paginasi(limit: k["limit"], cursor: k["cursor"])
    }
}
