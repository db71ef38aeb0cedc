import FluentKit
import Foundation
import SQLKit

/// Models whose new rows a submission writes (the laporan, its events, its notices), inserted
/// by plain SQL: FluentKit's `create` finds a model's id by reflection and converts and
/// serialises a whole query for every row, about 13 % of a submission's profile. The values are the
/// model's own (its property list), bound as Fluent binds them, so both store the same.
/// Model middleware does not run: the insert announces its table itself (`SinyalPerubahan`).
package protocol SisipanCepat: Model where IDValue == UUID {}

extension Array where Element: SisipanCepat {
    /// Rows setting the same columns go in one INSERT each, 500 rows at most; a row without an
    /// id gets a random one, as Fluent gives it.
    package func sisipkan(on db: any Database) async throws {
        var kelompok: [[String]: [[DatabaseQuery.Value]]] = [:], urutan: [[String]] = []
        var id: [IDProperty<Element, UUID>] = []
        for m in self {
            if m.id == nil { m.id = UUID() }
            let masukan = Masukan()
            for p in m.properties {
                (p as? any AnyDatabaseProperty)?.input(to: masukan)
                if let p = p as? IDProperty<Element, UUID> { id.append(p) }
            }
            if kelompok[masukan.kolom] == nil { urutan.append(masukan.kolom) }
            kelompok[masukan.kolom, default: []].append(masukan.nilai)
        }
        let sql = db as! any SQLDatabase
        for kolom in urutan {
            for potong in kelompok[kolom]!.bagian(500) {
                try await sql.execute(sql: Sisipan(tabel: Element.schema, kolom: kolom, baris: [[DatabaseQuery.Value]](potong))) { _ in }
            }
        }
        // As after Fluent's create: saving the model again updates the row.
        for p in id { p.exists = true }
        db.umumkan(Element.schema)
    }
}

/// The columns a model sets, in its property order: all of a new model's, a loaded one's changes.
package final class Masukan: DatabaseInput {
    package var kolom: [String] = []
    package var nilai: [DatabaseQuery.Value] = []

    package func set(_ value: DatabaseQuery.Value, at key: FieldKey) {
        kolom.append(key.description)
        nilai.append(value)
    }
}

/// `INSERT INTO "t" ("a", "b") VALUES (?, ?), (?, NULL)`: names are our own schema's, plain
/// lowercase, so they are quoted without escaping.
private struct Sisipan: SQLExpression {
    package let tabel: String
    package let kolom: [String]
    package let baris: [[DatabaseQuery.Value]]

    package func serialize(to s: inout SQLSerializer) {
        s.write("INSERT INTO \"\(tabel)\" (\(kolom.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES ")
        for (i, nilai) in baris.enumerated() {
            s.write(i == 0 ? "(" : ", (")
            for (j, v) in nilai.enumerated() {
                if j > 0 { s.write(", ") }
                switch v {
                case .bind(let b): s.write(bind: b)
                case .null: s.write("NULL")
                default: preconditionFailure("\(tabel).\(kolom[j]): only plain values are inserted this way")
                }
            }
            s.write(")")
        }
    }
}
