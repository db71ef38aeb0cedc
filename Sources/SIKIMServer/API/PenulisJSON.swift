import NIOCore
import SIKIMCore
import Vapor

/// JSON written straight into a response buffer, for the hottest answers (laporan lists):
/// Foundation's `JSONEncoder` boxed every field generically and renamed every key to
/// snake_case, and cost more than reading the rows. The output follows the API's JSON
/// conventions: snake_case keys, absent optionals left out, times as `TanggalIndonesia.iso8601`.
struct PenulisJSON {
    private(set) var buffer: ByteBuffer

    init(allocator: ByteBufferAllocator = ByteBufferAllocator(), kapasitas: Int = 1024) {
        buffer = allocator.buffer(capacity: kapasitas)
    }

    /// A value that writes itself as JSON.
    protocol Tertulis {
        func tulis(_ j: inout PenulisJSON)
    }

    // MARK: structure

    mutating func objek(_ isi: (inout PenulisJSON) -> Void) {
        pisah()
        buffer.writeInteger(UInt8(ascii: "{"))
        isi(&self)
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    mutating func larik<S: Sequence>(_ unsur: S, _ tulis: (inout PenulisJSON, S.Element) -> Void) {
        pisah()
        buffer.writeInteger(UInt8(ascii: "["))
        for u in unsur { tulis(&self, u) }
        buffer.writeInteger(UInt8(ascii: "]"))
    }

    /// A key inside an object; its value is whatever is written next.
    mutating func kunci(_ k: StaticString) {
        pisah()
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(k)
        buffer.writeStaticString("\":")
    }

    /// A key from data, escaped like any text.
    mutating func kunci(_ k: String) {
        teks(k)
        buffer.writeInteger(UInt8(ascii: ":"))
    }

    // MARK: values

    mutating func teks(_ s: String) {
        pisah()
        buffer.writeInteger(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            // Most text needs no escaping: copy it whole.
            guard b.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                buffer.writeBytes(b)
                return
            }
            for c in b { lolos(c) }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    mutating func angka(_ d: Double) {
        pisah()
        buffer.writeString(d.isFinite ? "\(d)" : "null")
    }

    mutating func logika(_ b: Bool) {
        pisah()
        buffer.writeStaticString(b ? "true" : "false")
    }

    mutating func kosong() {
        pisah()
        buffer.writeStaticString("null")
    }

    mutating func waktu(_ d: Date) { teks(TanggalIndonesia.iso8601(d)) }

    // MARK: fields (an absent optional is left out, as the Codable answers do)

    mutating func bidang(_ k: StaticString, _ s: String?) { if let s { kunci(k); teks(s) } }
    mutating func bidang(_ k: StaticString, _ d: Double?) { if let d { kunci(k); angka(d) } }
    mutating func bidang(_ k: StaticString, _ b: Bool) { kunci(k); logika(b) }
    mutating func bidang(_ k: StaticString, _ d: Date?) { if let d { kunci(k); waktu(d) } }
    mutating func bidang(_ k: StaticString, _ daftar: [String]) { kunci(k); larik(daftar) { $0.teks($1) } }

    // MARK: helpers

    /// A comma before every value that is not the first in its object or array, nor a key's value.
    private mutating func pisah() {
        guard buffer.writerIndex > 0, let akhir = buffer.getInteger(at: buffer.writerIndex - 1, as: UInt8.self) else { return }
        switch akhir {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"): return
        default: buffer.writeInteger(UInt8(ascii: ","))
        }
    }

    private mutating func lolos(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case 0x0A: buffer.writeStaticString("\\n")
        case 0x0D: buffer.writeStaticString("\\r")
        case 0x09: buffer.writeStaticString("\\t")
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            buffer.writeStaticString("\\u00")
            buffer.writeInteger(hex[Int(c >> 4)])
            buffer.writeInteger(hex[Int(c & 0xF)])
        default: buffer.writeInteger(c)
        }
    }
}

extension PenulisJSON.Tertulis {
    /// An API answer with this value as its JSON body.
    func jawaban(_ status: HTTPResponseStatus = .ok, for req: Request) -> Response {
        var j = PenulisJSON(allocator: req.byteBufferAllocator)
        tulis(&j)
        return Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(buffer: j.buffer))
    }
}
