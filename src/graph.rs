//! The claim graph: claims as nodes, agree/contradict relations as edges,
//! on [`petgraph`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use foldhash::{HashMap, HashMapExt as _};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::compare::{Kind, Relation, RelationType};

/// A node: one claim, tagged with its document, outlet and speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimNode {
    /// Claim id.
    pub claim: String,
    /// Document id.
    pub doc: String,
    /// Outlet name.
    pub outlet: String,
    /// Speaker name.
    pub speaker: String,
}

/// An edge: a relation between two claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationEdge {
    /// Agree or contradict.
    pub relation: RelationType,
    /// The kind of relation.
    pub kind: Kind,
    /// Index of the relation in [`crate::Analysis::relations`].
    pub index: usize,
}

/// A graph of claims and their relations.
///
/// Node indices follow claim order, so the graph is the same for the same
/// input. [`ClaimGraph::inner`] gives the petgraph graph for any algorithm
/// petgraph offers.
#[derive(Clone, Debug)]
pub struct ClaimGraph {
    graph: UnGraph<ClaimNode, RelationEdge>,
    index: HashMap<String, NodeIndex>,
}

impl ClaimGraph {
    /// Builds the graph of `claims` with `relations` as edges.
    pub fn new(claims: &[Claim], relations: &[Relation]) -> ClaimGraph {
        let mut graph = UnGraph::with_capacity(claims.len(), relations.len());
        let mut index = HashMap::with_capacity(claims.len());
        for c in claims {
            let n = graph.add_node(ClaimNode {
                claim: c.id.clone(),
                doc: c.doc.clone(),
                outlet: c.outlet.clone(),
                speaker: c.speaker.name.clone(),
            });
            index.insert(c.id.clone(), n);
        }
        for (i, r) in relations.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) {
                graph.add_edge(a, b, RelationEdge { relation: r.relation, kind: r.kind, index: i });
            }
        }
        ClaimGraph { graph, index }
    }

    /// The underlying petgraph graph.
    pub fn inner(&self) -> &UnGraph<ClaimNode, RelationEdge> {
        &self.graph
    }

    /// The node of a claim.
    pub fn node(&self, claim: &str) -> Option<NodeIndex> {
        self.index.get(claim).copied()
    }

    /// Number of claims.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    fn edges_of(&self, relation: RelationType) -> Vec<(&str, &str, Kind)> {
        let mut out: Vec<(&str, &str, Kind)> = self
            .graph
            .edge_references()
            .filter(|e| e.weight().relation == relation)
            .map(|e| {
                (
                    self.graph[e.source()].claim.as_str(),
                    self.graph[e.target()].claim.as_str(),
                    e.weight().kind,
                )
            })
            .collect();
        out.sort_by(|x, y| {
            (crate::compare::id_order(x.0), crate::compare::id_order(x.1))
                .cmp(&(crate::compare::id_order(y.0), crate::compare::id_order(y.1)))
        });
        out
    }

    /// Contradicting pairs `(a, b, kind)`, ordered by claim ids.
    pub fn contradictions(&self) -> Vec<(&str, &str, Kind)> {
        self.edges_of(RelationType::Contradict)
    }

    /// Agreeing pairs `(a, b, kind)`, ordered by claim ids.
    pub fn agreements(&self) -> Vec<(&str, &str, Kind)> {
        self.edges_of(RelationType::Agree)
    }

    /// Claims linked to `claim`, with the relation, ordered by claim id.
    pub fn neighbours(&self, claim: &str) -> Vec<(&str, RelationType, Kind)> {
        let Some(n) = self.node(claim) else { return Vec::new() };
        let mut out: Vec<(&str, RelationType, Kind)> = self
            .graph
            .edges(n)
            .map(|e| {
                let other = if e.source() == n { e.target() } else { e.source() };
                (self.graph[other].claim.as_str(), e.weight().relation, e.weight().kind)
            })
            .collect();
        out.sort_by(|x, y| {
            crate::compare::id_order(x.0).cmp(&crate::compare::id_order(y.0)).then(x.1.cmp(&y.1))
        });
        out
    }

    /// Connected groups of at least two linked claims, each sorted, largest first.
    pub fn clusters(&self) -> Vec<Vec<&str>> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut out = Vec::new();
        for start in self.graph.node_indices() {
            if seen[start.index()] || self.graph.neighbors(start).next().is_none() {
                continue;
            }
            let mut stack = vec![start];
            seen[start.index()] = true;
            let mut members = Vec::new();
            while let Some(n) = stack.pop() {
                members.push(n);
                for m in self.graph.neighbors(n) {
                    if !seen[m.index()] {
                        seen[m.index()] = true;
                        stack.push(m);
                    }
                }
            }
            let mut ids: Vec<&str> = members.iter().map(|&n| self.graph[n].claim.as_str()).collect();
            ids.sort_by_key(|id| crate::compare::id_order(id));
            out.push(ids);
        }
        out.sort_by(|a, b| {
            b.len()
                .cmp(&a.len())
                .then_with(|| crate::compare::id_order(a[0]).cmp(&crate::compare::id_order(b[0])))
        });
        out
    }

    /// The graph in Graphviz DOT: linked claims only, one colour per outlet,
    /// contradictions as red dashed edges and agreements as solid blue ones.
    pub fn to_dot(&self) -> String {
        let linked: BTreeSet<NodeIndex> =
            self.graph.edge_references().flat_map(|e| [e.source(), e.target()]).collect();
        let outlets: BTreeMap<&str, usize> = {
            let names: BTreeSet<&str> = linked.iter().map(|&n| self.graph[n].outlet.as_str()).collect();
            names.into_iter().enumerate().map(|(i, o)| (o, i)).collect()
        };
        const PALETTE: &[&str] =
            &["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
        let mut out = String::from(
            "graph claimgraph {\n  graph [overlap=false, splines=true];\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n",
        );
        for &n in &linked {
            let node = &self.graph[n];
            let color = PALETTE[outlets[node.outlet.as_str()] % PALETTE.len()];
            let _ = writeln!(
                out,
                "  \"{}\" [label=\"{}\\n{}\", fillcolor=\"{color}33\", color=\"{color}\"];",
                dot_escape(&node.claim),
                dot_escape(&node.outlet),
                dot_escape(&node.speaker)
            );
        }
        let mut edges: Vec<String> = self
            .graph
            .edge_references()
            .map(|e| {
                let w = e.weight();
                let (style, color) = match w.relation {
                    RelationType::Contradict => ("dashed", "#c0392b"),
                    RelationType::Agree => ("solid", "#2c7bb6"),
                };
                format!(
                    "  \"{}\" -- \"{}\" [label=\"{}\", style={style}, color=\"{color}\"];",
                    dot_escape(&self.graph[e.source()].claim),
                    dot_escape(&self.graph[e.target()].claim),
                    w.kind.as_str()
                )
            })
            .collect();
        edges.sort();
        for e in edges {
            out.push_str(&e);
            out.push('\n');
        }
        out.push_str("}\n");
        out
    }
}

/// Escapes a string for a double-quoted DOT id or label.
pub(crate) fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
