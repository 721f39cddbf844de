// Copyright (C) 2026 The NoLag Qt authors. SPDX-License-Identifier: MIT
#include "commandpalettemodel.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr int noMatch = std::numeric_limits<int>::min() / 2;
constexpr int wordStartBonus = 8;
constexpr int firstLetterBonus = 4;
constexpr int adjacentBonus = 6;
constexpr int maximumGapCost = 5;
constexpr int prefixBonus = 15;
constexpr int wordPrefixBonus = 10;
constexpr int substringBonus = 5;

bool isWordStart(QStringView text, qsizetype at)
{
    if (at == 0) {
        return true;
    }
    const QChar before = text.at(at - 1);
    const QChar here = text.at(at);
    if (!before.isLetterOrNumber()) {
        return true;
    }
    return here.isUpper() && before.isLower();
}

} // namespace

int CommandPaletteModel::score(QStringView query, QStringView text, QList<int> *positions)
{
    QString needle;
    for (const QChar c : query) {
        if (!c.isSpace()) {
            needle.append(c.toLower());
        }
    }
    if (positions) {
        positions->clear();
    }
    if (needle.isEmpty()) {
        return 0;
    }
    const QString haystack = text.toString().toLower();
    const qsizetype m = needle.size();
    const qsizetype n = haystack.size();
    if (m > n) {
        return -1;
    }

    // best[i][j]: the best score of matching needle[0..i] with needle[i] at haystack[j].
    std::vector<std::vector<int>> best(size_t(m), std::vector<int>(size_t(n), noMatch));
    std::vector<std::vector<int>> from(size_t(m), std::vector<int>(size_t(n), -1));
    for (qsizetype i = 0; i < m; ++i) {
        for (qsizetype j = i; j < n; ++j) {
            if (haystack.at(j) != needle.at(i)) {
                continue;
            }
            int here =
                1 + (isWordStart(text, j) ? wordStartBonus : 0) + (j == 0 ? firstLetterBonus : 0);
            if (i == 0) {
                best[0][j] = here;
                continue;
            }
            int bestBefore = noMatch;
            int bestFrom = -1;
            for (qsizetype k = i - 1; k < j; ++k) {
                if (best[i - 1][k] == noMatch) {
                    continue;
                }
                const qsizetype gap = j - k - 1;
                const int step =
                    gap == 0 ? adjacentBonus : -int(std::min<qsizetype>(gap, maximumGapCost));
                if (best[i - 1][k] + step > bestBefore) {
                    bestBefore = best[i - 1][k] + step;
                    bestFrom = int(k);
                }
            }
            if (bestFrom >= 0) {
                best[i][j] = here + bestBefore;
                from[i][j] = bestFrom;
            }
        }
    }

    int result = noMatch;
    qsizetype end = -1;
    for (qsizetype j = 0; j < n; ++j) {
        if (best[m - 1][j] > result) {
            result = best[m - 1][j];
            end = j;
        }
    }
    if (end < 0) {
        return -1;
    }
    if (positions) {
        for (qsizetype i = m - 1, j = end; i >= 0; --i) {
            positions->prepend(int(j));
            j = from[i][j];
        }
    }

    const qsizetype at = haystack.indexOf(needle);
    if (at == 0) {
        result += prefixBonus;
    } else if (at > 0 && isWordStart(text, at)) {
        result += wordPrefixBonus;
    } else if (at > 0) {
        result += substringBonus;
    }
    return std::max(result, 0);
}

CommandPaletteModel::CommandPaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CommandPaletteModel::setRegistry(CommandRegistry *registry)
{
    if (m_registry == registry) {
        return;
    }
    if (m_registry) {
        m_registry->disconnect(this);
    }
    m_registry = registry;
    if (registry) {
        connect(registry, &CommandRegistry::commandsChanged, this, &CommandPaletteModel::rebuild);
    }
    rebuild();
    Q_EMIT registryChanged();
}

void CommandPaletteModel::setQuery(const QString &query)
{
    if (m_query == query) {
        return;
    }
    m_query = query;
    rebuild();
    Q_EMIT queryChanged();
}

void CommandPaletteModel::setCurrentIndex(int index)
{
    const int bounded = m_rows.isEmpty() ? -1 : std::clamp(index, 0, int(m_rows.size()) - 1);
    if (m_current == bounded) {
        return;
    }
    const int previous = m_current;
    m_current = bounded;
    for (const int row : {previous, bounded}) {
        if (row >= 0 && row < m_rows.size()) {
            Q_EMIT dataChanged(this->index(row), this->index(row), {CurrentRole});
        }
    }
    Q_EMIT currentIndexChanged();
}

void CommandPaletteModel::moveCurrent(int delta)
{
    if (m_rows.isEmpty()) {
        return;
    }
    const int size = int(m_rows.size());
    setCurrentIndex(((m_current + delta) % size + size) % size);
}

bool CommandPaletteModel::trigger(int row)
{
    const QString id = commandIdAt(row);
    return !id.isEmpty() && m_registry && m_registry->trigger(id);
}

bool CommandPaletteModel::triggerCurrent()
{
    return trigger(m_current);
}

QString CommandPaletteModel::commandIdAt(int row) const
{
    if (!m_registry || row < 0 || row >= m_rows.size()) {
        return QString();
    }
    const ExplorerCommand *command = m_registry->command(m_rows.at(row).registryRow);
    return command ? command->id : QString();
}

void CommandPaletteModel::rebuild()
{
    QList<Row> rows;
    if (m_registry) {
        for (int i = 0; i < m_registry->count(); ++i) {
            const ExplorerCommand *command = m_registry->command(i);
            if (!m_registry->isAvailable(command->id)) {
                continue;
            }
            const QString category = CommandRegistry::categoryOf(command->id);
            const QString text = category + u' ' + command->title;
            Row row;
            row.registryRow = i;
            QList<int> positions;
            row.score = score(m_query, text, &positions);
            if (row.score < 0) {
                continue;
            }
            const int titleStart = int(category.size()) + 1;
            for (const int position : std::as_const(positions)) {
                if (position >= titleStart) {
                    row.positions.append(position - titleStart);
                }
            }
            rows.append(row);
        }
        // Without a query the order of registration stands.
        if (!m_query.trimmed().isEmpty()) {
            std::stable_sort(rows.begin(), rows.end(), [this](const Row &a, const Row &b) {
                if (a.score != b.score) {
                    return a.score > b.score;
                }
                return m_registry->command(a.registryRow)->title.size() <
                    m_registry->command(b.registryRow)->title.size();
            });
        }
    }

    beginResetModel();
    m_rows = rows;
    m_current = m_rows.isEmpty() ? -1 : 0;
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT currentIndexChanged();
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_registry) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const ExplorerCommand *command = m_registry->command(row.registryRow);
    if (!command) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return command->title;
    case TitleMarkupRole: {
        QString markup;
        for (qsizetype i = 0; i < command->title.size(); ++i) {
            const QString letter = QString(command->title.at(i)).toHtmlEscaped();
            markup += row.positions.contains(int(i)) ? u"<b>"_s + letter + u"</b>"_s : letter;
        }
        return markup;
    }
    case CommandIdRole:
        return command->id;
    case CategoryRole:
        return CommandRegistry::categoryOf(command->id);
    case ShortcutTextRole:
        return command->shortcut.toString(QKeySequence::NativeText);
    case ScoreRole:
        return row.score;
    case CurrentRole:
        return index.row() == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> CommandPaletteModel::roleNames() const
{
    return {{CommandIdRole, "commandId"},
            {TitleRole, "title"},
            {TitleMarkupRole, "titleMarkup"},
            {CategoryRole, "category"},
            {ShortcutTextRole, "shortcutText"},
            {ScoreRole, "score"},
            {CurrentRole, "current"}};
}
