import QtQuick
import QtQuick.Controls

ApplicationWindow {
    id: root
    visible: true
    width: 1280
    height: 800
    title: qsTr("NoLag Explorer")
}
