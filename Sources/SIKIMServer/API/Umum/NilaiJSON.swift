import SIKIMCore
import SIKIMData
import Foundation

/// A JSON value whose object keys keep the order they were written in, so a document
/// built in code (the OpenAPI description) reads in the order a person wrote it.
indirect enum NilaiJSON: Encodable, Equatable, Sendable,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case teks(String)
    case bulat(Int)
    case logika(Bool)
    case daftar([NilaiJSON])
    case objek([(String, NilaiJSON)])
    case kosong

    init(stringLiteral value: String) { self = .teks(value) }
    init(integerLiteral value: Int) { self = .bulat(value) }
    init(booleanLiteral value: Bool) { self = .logika(value) }
    init(arrayLiteral elements: NilaiJSON...) { self = .daftar(elements) }
    init(dictionaryLiteral elements: (String, NilaiJSON)...) { self = .objek(elements) }

    static func == (a: NilaiJSON, b: NilaiJSON) -> Bool {
        switch (a, b) {
        case let (.teks(x), .teks(y)): x == y
        case let (.bulat(x), .bulat(y)): x == y
        case let (.logika(x), .logika(y)): x == y
        case let (.daftar(x), .daftar(y)): x == y
        case let (.objek(x), .objek(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case (.kosong, .kosong): true
        default: false
        }
    }

    /// The value under `kunci` of an object.
    subscript(kunci: String) -> NilaiJSON? {
        guard case .objek(let isi) = self else { return nil }
        return isi.first { $0.0 == kunci }?.1
    }

    /// An object with the pair added (or replaced).
    func dengan(_ kunci: String, _ nilai: NilaiJSON) -> NilaiJSON {
        guard case .objek(var isi) = self else { return self }
        if let i = isi.firstIndex(where: { $0.0 == kunci }) { isi[i].1 = nilai } else { isi.append((kunci, nilai)) }
        return .objek(isi)
    }

    private struct Kunci: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .teks(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .bulat(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .logika(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .kosong: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .daftar(let a):
            var c = encoder.unkeyedContainer()
            for x in a { try c.encode(x) }
        case .objek(let isi):
            var c = encoder.container(keyedBy: Kunci.self)
            for (k, v) in isi { try c.encode(v, forKey: Kunci(stringValue: k)) }
        }
    }

    /// Compact JSON text, keys in written order.
    func teksJSON() throws -> String {
        // Not the app's encoder: its snake_case strategy would rewrite keys such as `$ref`.
        let enc = JSONEncoder()
        enc.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self)
    }
}
