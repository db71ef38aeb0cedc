import SIKIMData
import NIOCore
import SIKIMCore
import Vapor

/// JSON written straight into the bytes of a response, for the hottest answers (laporan lists):
/// Foundation's `JSONEncoder` boxed every field generically and renamed every key to
/// snake_case, and cost more than reading the rows. The output follows the API's JSON
/// conventions: snake_case keys, absent optionals left out, times as `TanggalIndonesia.iso8601`.
struct PenulisJSON {
    /// Bytes in an array, copied into a `ByteBuffer` once: a `ByteBuffer` checks its capacity
    /// and uniqueness on every single-byte write, which was a third of the writing.
    private(set) var bita: [UInt8] = []

    init(kapasitas: Int = 1024) {
        bita.reserveCapacity(kapasitas)
    }

    func buffer(_ allocator: ByteBufferAllocator) -> ByteBuffer {
        allocator.buffer(bytes: bita)
    }

    /// A value that writes itself as JSON.
    protocol Tertulis {
        func tulis(_ j: inout PenulisJSON)
    }

    // MARK: structure

    mutating func objek(_ isi: (inout PenulisJSON) -> Void) {
        pisah()
        bita.append(UInt8(ascii: "{"))
        isi(&self)
        bita.append(UInt8(ascii: "}"))
    }

    mutating func larik<S: Sequence>(_ unsur: S, _ tulis: (inout PenulisJSON, S.Element) -> Void) {
        pisah()
        bita.append(UInt8(ascii: "["))
        for u in unsur { tulis(&self, u) }
        bita.append(UInt8(ascii: "]"))
    }

    /// A key inside an object; its value is whatever is written next.
    mutating func kunci(_ k: StaticString) {
        pisah()
        bita.append(UInt8(ascii: "\""))
        tulisStatis(k)
        tulisStatis("\":")
    }

    /// A key from data, escaped like any text.
    mutating func kunci(_ k: String) {
        teks(k)
        bita.append(UInt8(ascii: ":"))
    }

    // MARK: values

    mutating func teks(_ s: String) {
        pisah()
        bita.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            // Most text needs no escaping: copy it whole.
            guard b.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bita.append(contentsOf: b)
                return
            }
            for c in b { lolos(c) }
        }
        bita.append(UInt8(ascii: "\""))
    }

    mutating func angka(_ d: Double) {
        pisah()
        bita.append(contentsOf: (d.isFinite ? "\(d)" : "null").utf8)
    }

    mutating func angka(_ n: Int) {
        pisah()
        bita.append(contentsOf: String(n).utf8)
    }

    mutating func logika(_ b: Bool) {
        pisah()
        tulisStatis(b ? "true" : "false")
    }

    mutating func kosong() {
        pisah()
        tulisStatis("null")
    }

    mutating func waktu(_ d: Date) {
        pisah()
        bita.append(UInt8(ascii: "\""))
        TanggalIndonesia.iso8601(d, ke: &bita)
        bita.append(UInt8(ascii: "\""))
    }

    // MARK: fields (an absent optional is left out, as the Codable answers do)

    mutating func bidang(_ k: StaticString, _ s: String?) { if let s { kunci(k); teks(s) } }
    mutating func bidang(_ k: StaticString, _ d: Double?) { if let d { kunci(k); angka(d) } }
    mutating func bidang(_ k: StaticString, _ b: Bool) { kunci(k); logika(b) }
    mutating func bidang(_ k: StaticString, _ n: Int) { kunci(k); angka(n) }
    mutating func bidang(_ k: StaticString, _ d: Date?) { if let d { kunci(k); waktu(d) } }
    mutating func bidang(_ k: StaticString, _ daftar: [String]) { kunci(k); larik(daftar) { $0.teks($1) } }

    // MARK: helpers

    /// A comma before every value that is not the first in its object or array, nor a key's value.
    private mutating func pisah() {
        guard let akhir = bita.last else { return }
        switch akhir {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"): return
        default: bita.append(UInt8(ascii: ","))
        }
    }

    private mutating func tulisStatis(_ s: StaticString) {
        bita.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func lolos(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "\""): tulisStatis("\\\"")
        case UInt8(ascii: "\\"): tulisStatis("\\\\")
        case 0x0A: tulisStatis("\\n")
        case 0x0D: tulisStatis("\\r")
        case 0x09: tulisStatis("\\t")
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            tulisStatis("\\u00")
            bita.append(hex[Int(c >> 4)])
            bita.append(hex[Int(c & 0xF)])
        default: bita.append(c)
        }
    }
}

extension PenulisJSON.Tertulis {
    /// An API answer with this value as its JSON body.
    func jawaban(_ status: HTTPResponseStatus = .ok, for req: Request) -> Response {
        var j = PenulisJSON()
        tulis(&j)
        return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(buffer: j.buffer(req.byteBufferAllocator)))
    }
}
