import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import {
  TREE_SPECIES,
  placeTrees,
  snowCover,
  type CampusLayout,
  type TreePlacements,
  type TreeSpecies,
} from '../layout'
import { useCampus } from '../state'
import { capacityFor } from './Boxes'
import { lookStats } from './lookStats'
import { NO_SHADOW, twinSafe } from './shading'

/**
 * Trees at true scale (src/layout/vegetation.ts places them), with two levels of detail: within
 * `NEAR_M` of the camera a small mesh per species (trunk and crown, 20–60 triangles), further
 * off one camera-facing card per tree (2 triangles) cut from a painted atlas, all species in one
 * draw call. The split is re-made only when the camera has moved `REPARTITION_M`.
 *
 * The cards are one plain geometry (four vertices per tree, rewritten at each split), not an
 * instanced mesh: a software rasteriser (SwiftShader) pays per instance, and 2,200 instanced
 * cards cost 30–37 ms of a 1280 × 720 frame where the same cards merged cost 4 ms
 * (docs/SCENE.md, "Frame time on software rendering").
 */
export const NEAR_M = 380
const REPARTITION_M = 20

type Part = THREE.BufferGeometry

function coloured(g: Part, color: string): Part {
  const geometry = g.index ? g.toNonIndexed() : g
  const n = geometry.getAttribute('position').count
  const c = new THREE.Color(color)
  const col = new Float32Array(n * 3)
  for (let i = 0; i < n; i++) col.set([c.r, c.g, c.b], i * 3)
  geometry.setAttribute('color', new THREE.BufferAttribute(col, 3))
  geometry.deleteAttribute('uv')
  return geometry
}

/** Unit tree shapes: height 1 from y = 0, crown width 1 (instances scale to metres). */
function treeGeometry(species: TreeSpecies): Part {
  const parts: Part[] = []
  const trunk = (h: number, r: number, color = '#5b4636') =>
    parts.push(
      coloured(new THREE.CylinderGeometry(r * 0.7, r, h, 5, 1, true).translate(0, h / 2, 0), color),
    )
  const blob = (y: number, w: number, h: number, color: string) =>
    parts.push(
      coloured(new THREE.IcosahedronGeometry(0.5, 0).scale(w, h, w).translate(0, y, 0), color),
    )
  const cone = (y: number, w: number, h: number, color: string) =>
    parts.push(
      coloured(new THREE.ConeGeometry(w / 2, h, 7, 1, true).translate(0, y + h / 2, 0), color),
    )
  switch (species) {
    case 'spruce':
      trunk(0.15, 0.05)
      cone(0.08, 1, 0.45, '#2b4a2e')
      cone(0.38, 0.72, 0.38, '#2f5232')
      cone(0.62, 0.45, 0.38, '#345a36')
      break
    case 'pine':
      trunk(0.62, 0.045, '#7a5a42')
      blob(0.72, 1, 0.42, '#3d5e34')
      blob(0.86, 0.65, 0.28, '#45683a')
      break
    case 'birch':
      trunk(0.5, 0.035, '#d9d4c8')
      blob(0.62, 1, 0.62, '#6f9448')
      break
    case 'broadleaf':
      trunk(0.42, 0.05)
      blob(0.6, 1, 0.6, '#4f7a36')
      blob(0.78, 0.7, 0.42, '#5b863c')
      break
    case 'palm': {
      parts.push(
        coloured(
          new THREE.CylinderGeometry(0.025, 0.04, 0.9, 5, 3, true)
            .translate(0, 0.45, 0)
            .applyMatrix4(new THREE.Matrix4().makeShear(0, 0, 0.08, 0, 0, 0)),
          '#8a7458',
        ),
      )
      for (let i = 0; i < 7; i++) {
        const frond = new THREE.PlaneGeometry(0.5, 0.12, 2, 1)
        const pos = frond.getAttribute('position')
        for (let k = 0; k < pos.count; k++) {
          const x = pos.getX(k) + 0.25
          pos.setXYZ(k, x, -0.5 * x * x - 0.02, pos.getY(k))
        }
        frond.rotateY((i / 7) * Math.PI * 2 + 0.3).translate(0.07, 0.92, 0)
        parts.push(coloured(frond, i % 2 ? '#4f7a35' : '#5d8a3c'))
      }
      break
    }
    case 'mesquite':
      trunk(0.35, 0.06, '#5f4a38')
      blob(0.55, 1, 0.45, '#6f7a45')
      break
    case 'juniper':
      trunk(0.15, 0.06, '#5f4a38')
      blob(0.5, 0.9, 0.85, '#4c5e3a')
      break
    case 'desert-shrub':
      blob(0.4, 1, 0.8, '#7f8a56')
      break
  }
  const merged = mergeGeometries(parts) ?? parts[0] ?? new THREE.BufferGeometry()
  merged.computeVertexNormals()
  return merged
}

/** Painted silhouettes, one slot per species (index in TREE_SPECIES), 64 × 128 px each. */
function cardAtlas(): THREE.CanvasTexture {
  const w = 64
  const h = 128
  const canvas = document.createElement('canvas')
  canvas.width = w * TREE_SPECIES.length
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2D canvas unavailable')
  let seed = 7
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const leaves = (
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    base: [number, number, number],
  ) => {
    for (let i = 0; i < 180; i++) {
      const a = rand() * Math.PI * 2
      const r = Math.sqrt(rand())
      const x = cx + Math.cos(a) * rx * r
      const y = cy + Math.sin(a) * ry * r
      // Lit from above left, darker below.
      const light =
        0.75 + 0.45 * ((cy - y) / ry) * 0.5 + 0.25 * ((cx - x) / rx) * 0.5 + rand() * 0.2
      ctx.fillStyle = `rgb(${base.map((v) => Math.round(Math.min(255, v * light))).join(',')})`
      ctx.beginPath()
      ctx.arc(x, y, 2.2 + rand() * 2.5, 0, Math.PI * 2)
      ctx.fill()
    }
  }
  const trunk = (x: number, top: number, width: number, color: string) => {
    ctx.fillStyle = color
    ctx.fillRect(x - width / 2, top, width, h - top)
  }
  TREE_SPECIES.forEach((species, slot) => {
    ctx.save()
    ctx.translate(slot * w, 0)
    const cx = w / 2
    switch (species) {
      case 'spruce':
        trunk(cx, 110, 4, '#4a3a2c')
        for (let i = 0; i < 9; i++) {
          const y = 6 + i * 12
          const half = 4 + i * 3.3
          ctx.fillStyle = i % 2 ? '#2b4a2e' : '#31553a'
          ctx.beginPath()
          ctx.moveTo(cx, y - 4)
          ctx.lineTo(cx - half, y + 14)
          ctx.lineTo(cx + half, y + 14)
          ctx.fill()
        }
        break
      case 'pine':
        trunk(cx, 40, 5, '#7a5a42')
        leaves(cx, 30, 27, 24, [62, 94, 52])
        break
      case 'birch':
        trunk(cx, 50, 4, '#ddd8cc')
        leaves(cx, 44, 24, 38, [108, 146, 70])
        break
      case 'broadleaf':
        trunk(cx, 70, 6, '#5b4636')
        leaves(cx, 48, 30, 44, [78, 120, 54])
        break
      case 'palm':
        trunk(cx, 20, 4, '#8a7458')
        ctx.strokeStyle = '#4f7a35'
        ctx.lineWidth = 4
        for (let i = 0; i < 7; i++) {
          const a = -Math.PI / 2 + (i - 3) * 0.45
          ctx.beginPath()
          ctx.moveTo(cx, 18)
          ctx.quadraticCurveTo(
            cx + Math.cos(a) * 22,
            8 + Math.sin(a) * 12,
            cx + Math.cos(a) * 30,
            30,
          )
          ctx.stroke()
        }
        break
      case 'mesquite':
        trunk(cx, 80, 6, '#5f4a38')
        leaves(cx, 78, 31, 24, [111, 122, 69])
        break
      case 'juniper':
        trunk(cx, 110, 6, '#5f4a38')
        leaves(cx, 74, 26, 48, [76, 94, 58])
        break
      case 'desert-shrub':
        leaves(cx, 96, 30, 30, [127, 138, 86])
        break
    }
    ctx.restore()
  })
  const t = new THREE.CanvasTexture(canvas)
  t.colorSpace = THREE.SRGBColorSpace
  t.generateMipmaps = true
  t.minFilter = THREE.LinearMipmapLinearFilter
  return t
}

/**
 * The card material: each card's four vertices share the tree's base point (`position`); the
 * vertex shader opens them into a quad facing the camera about the vertical (`cardCorner` ×
 * `cardSize`) and picks the species' slot of the atlas (`treeSlot`).
 */
function cardMaterial(): THREE.MeshStandardMaterial {
  const material = new THREE.MeshStandardMaterial({
    map: cardAtlas(),
    vertexColors: true,
    alphaTest: 0.4,
    roughness: 0.9,
    side: THREE.DoubleSide,
  })
  const slots = TREE_SPECIES.length.toFixed(1)
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        `#include <common>
        attribute vec2 cardCorner;
        attribute vec2 cardSize;
        attribute float treeSlot;`,
      )
      .replace(
        '#include <uv_vertex>',
        `#include <uv_vertex>
        #ifdef USE_MAP
          vMapUv = vec2((cardCorner.x + 0.5 + treeSlot) / ${slots}, cardCorner.y);
        #endif`,
      )
      .replace(
        '#include <beginnormal_vertex>',
        `vec3 cardRight = normalize(vec3(viewMatrix[0][0], 0.0, viewMatrix[2][0]));
        vec3 objectNormal = normalize(vec3(-cardRight.z, 1.4, cardRight.x));
        #ifdef USE_TANGENT
          vec3 objectTangent = vec3(tangent.xyz);
        #endif`,
      )
      .replace(
        '#include <begin_vertex>',
        `vec3 transformed = position + vec3(cardRight.x * cardCorner.x * cardSize.x,
          cardCorner.y * cardSize.y, cardRight.z * cardCorner.x * cardSize.x);`,
      )
  }
  material.customProgramCacheKey = () => 'tree-card'
  return twinSafe(material)
}

/** The near meshes' material: vertex colours times the instance's shade. */
let meshMaterial: THREE.MeshStandardMaterial | null = null
let cardsMaterial: THREE.MeshStandardMaterial | null = null
const geometries = new Map<TreeSpecies, Part>()

function geometryOf(species: TreeSpecies): Part {
  let g = geometries.get(species)
  if (!g) {
    g = treeGeometry(species)
    geometries.set(species, g)
  }
  return g
}

/** Corners of a card: across (−0.5 … 0.5) and up (0 … 1); two triangles. */
const CORNERS = [-0.5, 0, 0.5, 0, -0.5, 1, 0.5, 1] as const

/** The merged cards' geometry for up to `capacity` trees (drawn: `setDrawRange`). */
function cardGeometry(capacity: number): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry()
  const corner = new Float32Array(capacity * 8)
  const index = new Uint32Array(capacity * 6)
  for (let i = 0; i < capacity; i++) {
    corner.set(CORNERS, i * 8)
    const v = i * 4
    index.set([v, v + 1, v + 2, v + 2, v + 1, v + 3], i * 6)
  }
  const dynamic = (size: number) =>
    new THREE.BufferAttribute(new Float32Array(capacity * 4 * size), size).setUsage(
      THREE.DynamicDrawUsage,
    )
  g.setAttribute('position', dynamic(3))
  g.setAttribute('cardCorner', new THREE.BufferAttribute(corner, 2))
  // Never read (the vertex shader makes each card's normal), but without a normal attribute
  // three shades the mesh flat, from the card's own plane: the crowns went a quarter darker.
  const up = new Float32Array(capacity * 12)
  for (let v = 0; v < capacity * 4; v++) up[v * 3 + 1] = 1
  g.setAttribute('normal', new THREE.BufferAttribute(up, 3))
  g.setAttribute('cardSize', dynamic(2))
  g.setAttribute('treeSlot', dynamic(1))
  g.setAttribute('color', dynamic(3))
  g.setIndex(new THREE.BufferAttribute(index, 1))
  g.setDrawRange(0, 0)
  return g
}

interface Split {
  readonly lastCamera: THREE.Vector3
  trees: TreePlacements | null
  near: Uint8Array
}

/**
 * Trees round the campus. They are placed after the campus is drawn (in an idle moment, not in
 * the slider's frame), and again only when the ground, roads or footprints change.
 */
export function Vegetation({ layout, snowC }: { layout: CampusLayout; snowC: number | null }) {
  const dragging = useCampus((s) => s.dragging)
  const invalidate = useThree((s) => s.invalidate)
  // What trees depend on: the terrain and what keeps them off (roads, footprints, lines).
  const key = useMemo(
    () =>
      JSON.stringify([
        layout.terrain,
        layout.fence,
        layout.roads.length,
        layout.footprints.length,
        layout.bounds,
        layout.lines.map((l) => l.towers.length),
      ]),
    [layout],
  )
  const [trees, setTrees] = useState<{ key: string; trees: TreePlacements } | null>(null)
  useEffect(() => {
    if (trees?.key === key || dragging) return
    const handle = setTimeout(() => setTrees({ key, trees: placeTrees(layout) }), 50)
    return () => clearTimeout(handle)
  }, [key, layout, trees, dragging])
  const placed = trees?.trees ?? null
  useEffect(() => {
    lookStats.trees = placed?.count ?? 0
  }, [placed])

  meshMaterial ??= new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.9 })
  cardsMaterial ??= cardMaterial()
  const present = useMemo(() => {
    if (!placed) return [] as TreeSpecies[]
    const seen = new Set<number>()
    for (let i = 0; i < placed.count; i++) seen.add(placed.species[i] ?? 0)
    return TREE_SPECIES.filter((_, i) => seen.has(i))
  }, [placed])
  const capacity = capacityFor(placed?.count ?? 0)

  const meshRefs = useRef(new Map<TreeSpecies, THREE.InstancedMesh>())
  const cardRef = useRef<THREE.Mesh>(null)
  const split = useRef<Split>({
    lastCamera: new THREE.Vector3(Infinity, 0, 0),
    trees: null,
    near: new Uint8Array(0),
  })
  const cards = useMemo(() => cardGeometry(capacity), [capacity])
  useEffect(() => () => cards.dispose(), [cards])

  // Colours (shade, and snow on the crowns) for every tree, per level of detail.
  const colors = useMemo(() => {
    if (!placed) return null
    const out = new Float32Array(placed.count * 3)
    for (let i = 0; i < placed.count; i++) {
      const shade = 1 + 0.12 * (placed.shade[i] ?? 0)
      const snow = snowC === null ? 0 : snowCover(snowC, placed.y[i] ?? 0) * 0.55
      out[i * 3] = shade + (1.9 - shade) * snow
      out[i * 3 + 1] = shade + (1.8 - shade) * snow
      out[i * 3 + 2] = shade + (1.9 - shade) * snow
    }
    return out
  }, [placed, snowC])

  useLayoutEffect(() => {
    const s = split.current
    s.trees = placed
    s.near = new Uint8Array(placed?.count ?? 0)
    s.lastCamera.set(Infinity, 0, 0)
    invalidate()
  }, [placed, colors, invalidate])

  useFrame(({ camera }) => {
    const s = split.current
    const t = s.trees
    const card = cardRef.current
    if (!t || !card || !colors) return
    if (camera.position.distanceToSquared(s.lastCamera) < REPARTITION_M * REPARTITION_M) return
    s.lastCamera.copy(camera.position)
    const near2 = NEAR_M * NEAR_M
    const base = cards.getAttribute('position').array as Float32Array
    const size = cards.getAttribute('cardSize').array as Float32Array
    const slot = cards.getAttribute('treeSlot').array as Float32Array
    const tint = cards.getAttribute('color').array as Float32Array
    let cardsWritten = 0
    const counts = new Map<TreeSpecies, number>()
    const { x: cx, y: cy, z: cz } = camera.position
    for (let i = 0; i < t.count; i++) {
      const x = t.x[i] ?? 0
      const y = t.y[i] ?? 0
      const z = t.z[i] ?? 0
      const h = t.heightM[i] ?? 0
      const w = t.crownM[i] ?? 0
      const sp = t.species[i] ?? 0
      const d2 = (x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2
      if (d2 >= near2) {
        const r = colors[i * 3] ?? 1
        const g = colors[i * 3 + 1] ?? 1
        const b = colors[i * 3 + 2] ?? 1
        for (let k = 0, v = cardsWritten * 4; k < 4; k++, v++) {
          base[v * 3] = x
          base[v * 3 + 1] = y - 0.3
          base[v * 3 + 2] = z
          size[v * 2] = w
          size[v * 2 + 1] = h
          slot[v] = sp
          tint[v * 3] = r
          tint[v * 3 + 1] = g
          tint[v * 3 + 2] = b
        }
        cardsWritten++
        continue
      }
      const name = TREE_SPECIES[sp] ?? 'spruce'
      const target = meshRefs.current.get(name)
      if (!target) continue
      const j = counts.get(name) ?? 0
      counts.set(name, j + 1)
      const m = target.instanceMatrix.array as Float32Array
      const o = j * 16
      m.fill(0, o, o + 16)
      m[o] = w
      m[o + 5] = h
      m[o + 10] = w
      m[o + 12] = x
      m[o + 13] = y - 0.3
      m[o + 14] = z
      m[o + 15] = 1
      const color = target.instanceColor
      if (color) (color.array as Float32Array).set(colors.subarray(i * 3, i * 3 + 3), j * 3)
    }
    for (const name of ['position', 'cardSize', 'treeSlot', 'color']) {
      const attribute = cards.getAttribute(name) as THREE.BufferAttribute
      attribute.clearUpdateRanges()
      attribute.addUpdateRange(0, cardsWritten * 4 * attribute.itemSize)
      attribute.needsUpdate = true
    }
    cards.setDrawRange(0, cardsWritten * 6)
    cards.computeBoundingSphere()
    for (const [name, mesh] of meshRefs.current) {
      mesh.count = counts.get(name) ?? 0
      mesh.instanceMatrix.needsUpdate = true
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
      mesh.computeBoundingSphere()
    }
  })

  if (!placed || placed.count === 0) return null
  return (
    <group>
      {present.map((species) => (
        <instancedMesh
          key={`${species}-${capacity}`}
          ref={(mesh) => {
            if (mesh) {
              if (!mesh.instanceColor)
                mesh.instanceColor = new THREE.InstancedBufferAttribute(
                  new Float32Array(capacity * 3),
                  3,
                )
              meshRefs.current.set(species, mesh)
            } else meshRefs.current.delete(species)
          }}
          args={[geometryOf(species), meshMaterial ?? undefined, capacity]}
          frustumCulled={false}
        />
      ))}
      <mesh
        key={`cards-${capacity}`}
        ref={cardRef}
        geometry={cards}
        material={cardsMaterial ?? undefined}
        frustumCulled={false}
        userData={{ [NO_SHADOW]: true }}
      />
    </group>
  )
}
