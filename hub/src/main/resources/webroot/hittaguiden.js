// Hittaguiden: after the answers are sent, move the focus to the answer (the page works without this script).
document.addEventListener('DOMContentLoaded', function () {
    var answer = document.getElementById('resultat');
    if (answer && answer.getAttribute('data-svar') === 'ja') {
        answer.focus();
    }
});
