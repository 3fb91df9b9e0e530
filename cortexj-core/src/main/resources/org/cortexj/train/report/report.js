// Shows the test images of a confusion-matrix cell when the cell is clicked or opened with
// Enter or Space. The data comes from the JSON element #report-data that ConfusionSection writes:
// {classes, limit, cells: [image ids per cell, row-major], images: {id: [png, true, predicted, probabilities]}}.
(function () {
  'use strict';
  var source = document.getElementById('report-data');
  var heatmap = document.getElementById('confusion-heatmap');
  var gallery = document.getElementById('cell-gallery');
  if (!source || !heatmap || !gallery) {
    return;
  }
  var data = JSON.parse(source.textContent);

  // Same rule as HtmlText.probability: no probability that is not exact prints as 0.0 % or 100.0 % unless it is exact.
  function percent(probability) {
    if (probability > 0 && probability < 0.0005) {
      return '< 0.1 %';
    }
    if (probability >= 0.9995 && probability < 1) {
      return '> 99.9 %';
    }
    return (100 * probability).toFixed(1) + ' %';
  }

  function figure(id) {
    var image = data.images[id];
    var trueClass = image[1];
    var predicted = image[2];
    var probabilities = image[3];
    var element = document.createElement('figure');
    var img = document.createElement('img');
    img.className = 'digit';
    img.src = 'data:image/png;base64,' + image[0];
    img.alt = 'test image ' + id + ', true class ' + trueClass + ', predicted ' + predicted;
    element.appendChild(img);
    var caption = document.createElement('figcaption');
    caption.textContent = predicted + ': ' + percent(probabilities[predicted]);
    if (trueClass !== predicted) {
      var truth = document.createElement('div');
      truth.className = 'wrong';
      truth.textContent = trueClass + ': ' + percent(probabilities[trueClass]);
      caption.appendChild(truth);
    }
    element.appendChild(caption);
    element.title = 'test image ' + id + '\n' + probabilities.map(function (p, c) {
      return 'class ' + c + ': ' + percent(p);
    }).join('\n');
    return element;
  }

  function showCell(trueClass, predicted) {
    var cell = heatmap.querySelector('.cell[data-true="' + trueClass + '"][data-predicted="' + predicted + '"]');
    if (!cell) {
      return;
    }
    heatmap.querySelectorAll('.cell.selected').forEach(function (other) {
      other.classList.remove('selected');
    });
    cell.classList.add('selected');
    var ids = data.cells[trueClass * data.classes + predicted];
    var count = Number(cell.getAttribute('data-count'));
    var heading = document.createElement('h3');
    heading.textContent = 'True class ' + trueClass + ', predicted ' + predicted + ': ' + count.toLocaleString('en')
        + (count === 1 ? ' test image' : ' test images')
        + (count > ids.length ? ', showing the ' + ids.length + ' most confident' : '')
        + (ids.length > 1 ? ', sorted by confidence' : '');
    var legend = document.createElement('p');
    legend.className = 'note';
    legend.textContent = 'Under each image: the predicted class and its probability'
        + (trueClass === predicted ? '' : ', then in red the true class and its probability')
        + '. Hover over an image for every class.';
    var grid = document.createElement('div');
    grid.className = 'gallery';
    grid.setAttribute('data-true', String(trueClass));
    grid.setAttribute('data-predicted', String(predicted));
    ids.forEach(function (id) {
      grid.appendChild(figure(id));
    });
    gallery.replaceChildren(heading, legend, grid);
  }

  heatmap.querySelectorAll('.cell').forEach(function (cell) {
    var open = function () {
      showCell(Number(cell.getAttribute('data-true')), Number(cell.getAttribute('data-predicted')));
    };
    cell.addEventListener('click', open);
    cell.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  });

  // A link such as report.html#cell-4-9 opens that cell when the page loads.
  var match = /^#cell-(\d+)-(\d+)$/.exec(window.location.hash);
  if (match) {
    showCell(Number(match[1]), Number(match[2]));
  }
})();
