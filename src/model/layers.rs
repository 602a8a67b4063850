//! How a view's layers appear in the layer panel: one entry per layer, except that layers
//! sharing an `exclusive` group (alternatives, at most one shown) make a single entry with a
//! choice per layer. Worked out once at load.

use super::content::Layer;

/// One entry of the layer panel, in layer order (the first at the bottom).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayerEntry {
    /// A layer of its own: its index in the view's layers.
    Single(usize),
    /// Alternatives: an index into [`super::PreparedView::groups`].
    Group(usize),
}

/// Layers of a view that are alternatives of each other (at most one is shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerGroup {
    /// The group name the layers share in their `exclusive` field.
    pub id: String,
    /// What the panel calls the group: the part of the layers' titles before ": " when they all
    /// share it (e.g. "Sciatic nerve"), else the group name in words.
    pub heading: String,
    /// The alternatives, in layer order: (layer index, what the panel calls the choice).
    pub choices: Vec<(usize, String)>,
}

impl LayerGroup {
    /// The layer indices of the group.
    pub fn layers(&self) -> impl Iterator<Item = usize> + '_ {
        self.choices.iter().map(|(i, _)| *i)
    }
}

/// The panel entries and the groups of a view's layers. A group with a single layer is still a
/// group (the front view's one referred-pain pattern reads like the back view's five).
#[must_use]
pub fn layer_entries(layers: &[Layer]) -> (Vec<LayerEntry>, Vec<LayerGroup>) {
    let mut entries = Vec::new();
    let mut groups: Vec<LayerGroup> = Vec::new();
    for (i, layer) in layers.iter().enumerate() {
        let members: Vec<usize> = match &layer.exclusive {
            Some(group) => layers
                .iter()
                .enumerate()
                .filter(|(_, l)| l.exclusive.as_ref() == Some(group))
                .map(|(j, _)| j)
                .collect(),
            None => vec![i],
        };
        let Some(group) = &layer.exclusive else {
            entries.push(LayerEntry::Single(i));
            continue;
        };
        if members.first() != Some(&i) {
            continue; // the group's entry stands where its first layer is
        }
        let titles: Vec<&str> = members
            .iter()
            .filter_map(|&j| layers.get(j))
            .map(|l| l.title.as_str())
            .collect();
        let shared = titles
            .first()
            .and_then(|t| t.split_once(": "))
            .map(|(head, _)| head)
            .filter(|head| {
                titles
                    .iter()
                    .all(|t| t.split_once(": ").is_some_and(|(h, _)| h == *head))
            });
        let (heading, choices) = match shared {
            Some(head) => (
                head.to_owned(),
                members
                    .iter()
                    .zip(&titles)
                    .map(|(&j, t)| (j, t[head.len() + 2..].to_owned()))
                    .collect(),
            ),
            None => (
                words_of(group),
                members
                    .iter()
                    .zip(&titles)
                    .map(|(&j, t)| (j, (*t).to_owned()))
                    .collect(),
            ),
        };
        entries.push(LayerEntry::Group(groups.len()));
        groups.push(LayerGroup {
            id: group.clone(),
            heading,
            choices,
        });
    }
    (entries, groups)
}

/// "sciatic_course" -> "Sciatic course".
fn words_of(id: &str) -> String {
    let spaced = id.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(id: &str, title: &str, group: Option<&str>) -> Layer {
        Layer {
            id: id.into(),
            title: title.into(),
            visible: false,
            opacity: 1.0,
            image: None,
            fades_under: Vec::new(),
            exclusive: group.map(Into::into),
            with_selection: false,
        }
    }

    #[test]
    fn alternatives_make_one_entry_named_by_their_shared_title() {
        let layers = [
            layer("skin", "Skin", None),
            layer("a", "Sciatic nerve: usual course", Some("course")),
            layer("deep", "Deep muscles", None),
            layer("b", "Sciatic nerve: through piriformis", Some("course")),
        ];
        let (entries, groups) = layer_entries(&layers);
        assert_eq!(
            entries,
            [
                LayerEntry::Single(0),
                LayerEntry::Group(0),
                LayerEntry::Single(2)
            ]
        );
        assert_eq!(groups[0].heading, "Sciatic nerve");
        assert_eq!(
            groups[0].choices,
            [
                (1, "usual course".to_owned()),
                (3, "through piriformis".to_owned())
            ]
        );
    }

    #[test]
    fn titles_without_a_shared_head_keep_their_titles_under_the_group_name() {
        let layers = [
            layer("a", "Usual course", Some("sciatic_course")),
            layer("b", "Variant: above", Some("sciatic_course")),
            layer("c", "Alone: in its group", Some("lonely")),
        ];
        let (entries, groups) = layer_entries(&layers);
        assert_eq!(entries, [LayerEntry::Group(0), LayerEntry::Group(1)]);
        assert_eq!(groups[0].heading, "Sciatic course");
        assert_eq!(groups[0].choices[1].1, "Variant: above");
        assert_eq!(groups[1].heading, "Alone");
        assert_eq!(groups[1].choices, [(2, "in its group".to_owned())]);
    }
}
