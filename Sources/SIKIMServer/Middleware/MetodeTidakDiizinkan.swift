import SIKIMCore
import SIKIMData
import Vapor

/// Answers 405 with an `Allow` header when a path exists but not for the request's method
/// (the router alone would say 404).
struct MetodeTidakDiizinkan: AsyncMiddleware {
    /// A route's path: nil stands for a parameter segment, `**` for a catch-all.
    private typealias Pola = (segmen: [String?], izin: Set<String>)
    /// Fixed-length patterns by segment count, so a request compares only same-length paths.
    private let perPanjang: [Int: [Pola]]
    private let tangkapSemua: [Pola]

    init(rute: [Route]) {
        var metode: [[String?]: Set<String>] = [:]
        for r in rute {
            let segmen: [String?] = r.path.map {
                switch $0 {
                case .constant(let c): c
                case .parameter, .anything: nil
                case .catchall: "**"
                }
            }
            metode[segmen, default: []].insert(r.method.rawValue)
        }
        let pola: [Pola] = metode.map { segmen, izin in
            var izin = izin
            if izin.contains(HTTPMethod.GET.rawValue) { izin.insert(HTTPMethod.HEAD.rawValue) } // HEAD is answered by GET
            return (segmen, izin)
        }
        perPanjang = Dictionary(grouping: pola.filter { $0.segmen.last != "**" }, by: \.segmen.count)
        tangkapSemua = pola.filter { $0.segmen.last == "**" }
    }

    /// The methods a path accepts, or nil when no route has that path.
    func izin(_ path: String) -> [String]? {
        let bagian = path.split(separator: "/").map(String.init)
        func sama(_ segmen: some Collection<String?>) -> Bool { zip(segmen, bagian).allSatisfy { $0 == nil || $0 == $1 } }
        let cocok = (perPanjang[bagian.count] ?? []).filter { sama($0.segmen) }
            + tangkapSemua.filter { bagian.count >= $0.segmen.count - 1 && sama($0.segmen.dropLast()) }
        // Several patterns may match (`/kim/baru` and `/kim/:kim`): the path accepts all their methods.
        return cocok.isEmpty ? nil : Set(cocok.flatMap(\.izin)).sorted()
    }

    // Checked before the inner middleware, so a wrong method is not first refused for a
    // missing CSRF token or login.
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let izin = izin(req.url.path), !izin.contains(req.method.rawValue) {
            throw MetodeDitolak(izin: izin.joined(separator: ", "))
        }
        return try await next.respond(to: req)
    }
}

/// 405 carrying the methods the path does accept.
struct MetodeDitolak: AbortError {
    let izin: String
    var status: HTTPResponseStatus { .methodNotAllowed }
    var headers: HTTPHeaders { ["Allow": izin] }
}
