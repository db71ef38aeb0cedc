import LeafKit
import SIKIMCore

/// `#angka(x)`: a number as Indonesians write it ("29.141", "1,0"); text passes unchanged.
struct TagAngka: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        try ctx.requireParameterCount(1)
        let x = ctx.parameters[0]
        switch x.celf {
        case .int: return .string(x.int.map(Angka.ribuan) ?? "")
        case .double: return .string(x.double.map { Angka.desimal($0) } ?? "")
        default: return .string(x.string ?? "")
        }
    }
}
