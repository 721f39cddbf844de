#!/usr/bin/env bash
# Installs, with apt-get, every Debian 12 package that building, running and testing NoLag Qt
# needs and that is not installed yet. Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-declarative-dev qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev
    qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite qtkeychain-qt6-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
    qml6-module-qtcore qml6-module-qttest qml6-module-qt-labs-settings
    qml6-module-qt-labs-qmlmodels qml6-module-qtcharts qml6-module-qt-labs-folderlistmodel
    libmsgpack-cxx-dev xvfb xauth libqt6svg6 appstream desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "error: these packages are missing and this user cannot install them" \
             "(not root and no sudo): ${missing[*]}" >&2
        exit 1
    fi
    sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
