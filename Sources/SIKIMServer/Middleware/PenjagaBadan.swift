import SIKIMCore
import SIKIMData
import Vapor

/// How large a route's body may be: a multipart body (files) up to `berkas` where the route
/// takes files, any other body up to `teks`.
struct BatasBadan: Sendable {
    var berkas: Int?
    var teks: Int

    static let bawaan = BatasBadan(berkas: nil, teks: 64 * 1024)
}

extension Route {
    /// Declares the route's body limits (`PenjagaBadan` reads them before anything reads the body).
    @discardableResult
    func batasBadan(berkas: ByteCount? = nil, teks: ByteCount = ByteCount(value: BatasBadan.bawaan.teks)) -> Route {
        userInfo[PenjagaBadan.kunci] = BatasBadan(berkas: berkas?.value, teks: teks.value)
        return self
    }
}

/// Reads every request body first, within its route's limits (`Route.batasBadan`): a JSON or
/// form body cannot be megabytes long because its route takes photos, and a route that takes
/// one 6 MB document does not take 30. Text that is not UTF-8 is refused, as the JSON decoder
/// refuses it, rather than stored with replacement characters.
struct PenjagaBadan: AsyncMiddleware {
    static let kunci = "batasBadan"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return try await next.respond(to: req) }
        let aturan = req.route?.userInfo[Self.kunci] as? BatasBadan ?? .bawaan
        let multipart = req.headers.contentType?.type == "multipart"
        let batas = multipart ? aturan.berkas ?? aturan.teks : aturan.teks
        // A body that arrived whole (HTTP/2, tests) is measured as a streamed one would be.
        if let ada = req.body.data, ada.readableBytes > batas { throw Abort(.payloadTooLarge) }
        if req.body.data == nil { _ = try await req.body.collect(max: batas).get() }
        if let badan = req.body.data {
            if multipart, let batasBagian = req.headers.contentType?.parameters["boundary"] {
                guard try Self.bagianTeksUTF8(badan, batas: batasBagian) else { throw Self.bukanUTF8 }
            } else if req.headers.contentType == .urlEncodedForm {
                guard Self.formulirUTF8(badan) else { throw Self.bukanUTF8 }
            }
        }
        return try await next.respond(to: req)
    }

    static let bukanUTF8 = KesalahanHTTP(.badRequest, "teks_tidak_valid",
                                         "Isian memuat karakter yang tidak dapat dibaca (bukan UTF-8). Ketik ulang isian tersebut lalu kirim kembali.")

    /// An urlencoded form's names and values, percent-decoded, are UTF-8.
    static func formulirUTF8(_ b: ByteBuffer) -> Bool {
        let s = b.readableBytesView
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "%"), i + 2 < s.endIndex, let h = heks(s[i + 1]), let l = heks(s[i + 2]) {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(c)
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private static func heks(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Every multipart part that is not a file is UTF-8.
    static func bagianTeksUTF8(_ b: ByteBuffer, batas: String) throws -> Bool {
        let p = MultipartParser(boundary: batas)
        var berkas = false, isi: [UInt8] = [], sah = true
        p.onHeader = { nama, nilai in
            if nama.lowercased() == "content-disposition", nilai.contains("filename=") { berkas = true }
        }
        p.onBody = { if !berkas { isi += $0.readableBytesView } }
        p.onPartComplete = {
            if !berkas, String(validating: isi, as: UTF8.self) == nil { sah = false }
            (berkas, isi) = (false, [])
        }
        try p.execute(b)
        return sah
    }
}
