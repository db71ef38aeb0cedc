import SIKIMCore
import SIKIMData
import Vapor

/// The URL's query parameters, parsed once per request: Vapor's `query.get` parses the whole
/// query string again on every call, and a laporan list reads eight parameters.
struct Kueri: Sendable {
    private let nilai: [String: String]

    /// The first value of each name; `+` is a space, as in HTML forms.
    init(_ teks: String?) throws {
        var nilai: [String: String] = [:]
        for bagian in (teks ?? "").split(separator: "&") {
            let kv = bagian.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let nama = Self.urai(kv[0]), let isi = kv.count > 1 ? Self.urai(kv[1]) : "" else {
                throw ParameterTidakValid("Alamat halaman memuat parameter yang tidak valid.")
            }
            if nilai[nama] == nil { nilai[nama] = isi }
        }
        self.nilai = nilai
    }

    subscript(_ nama: String) -> String? { nilai[nama] }

    private static func urai(_ s: Substring) -> String? {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    /// Parsed on first use; a malformed query string is a 400 with an Indonesian message.
    var kueri: Kueri {
        get throws {
            if let k = kueriTerbaca { return k }
            let k = try Kueri(url.query)
            kueriTerbaca = k
            return k
        }
    }
}
