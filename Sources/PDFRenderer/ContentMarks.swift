// ContentMarks: how each item of a page is marked in its content stream — tied to the structure by a marked-content
// id, or an artifact.
import DisplayList

/// Every item gets one mark: `content` when a structure element holds it (its MCID, in reading order, and the tag
/// of the element that holds it directly), else `artifact`. A page without structure is untagged: no marks at all.
struct ContentMarks {
    enum Mark: Equatable {
        case content(tag: StructureRole, mcid: Int)
        case artifact(ArtifactKind)
    }

    /// One per item, or empty for an untagged page.
    let marks: [Mark]
    /// How many MCIDs the page has (they run from 0, in reading order).
    let count: Int

    init(_ page: Page) {
        guard !page.structure.isEmpty else {
            marks = []
            count = 0
            return
        }
        var marks = page.items.indices.map { Mark.artifact(page.artifacts[$0] ?? .layout) }
        var next = 0
        func walk(_ element: StructureElement) {
            for child in element.children {
                switch child {
                case .element(let inner):
                    walk(inner)
                case .item(let index):
                    guard marks.indices.contains(index), case .artifact = marks[index] else { continue }
                    marks[index] = .content(tag: element.role, mcid: next)
                    next += 1
                }
            }
        }
        page.structure.forEach(walk)
        self.marks = marks
        count = next
    }

    var isTagged: Bool { !marks.isEmpty }

    /// The MCID of an item, when it is content.
    func mcid(of item: Int) -> Int? {
        guard marks.indices.contains(item), case .content(_, let mcid) = marks[item] else { return nil }
        return mcid
    }
}
